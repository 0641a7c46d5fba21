import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { freshSchema, postgresUrl } from '../../../test/support/postgres-test-schema.js';
import { PostgresConnection } from './postgres-connection.js';

describe(PostgresConnection, () => {
  const { schema, drop } = freshSchema('connection');
  const url = new URL(postgresUrl());
  // A server that trusts local connections ignores the password: one is set so there is one to mask.
  if (!url.password) url.password = 'connection-spec-password';
  const password = decodeURIComponent(url.password);
  const connection = new PostgresConnection({ connectionString: url.toString(), schema });
  afterAll(async () => {
    await connection.close();
    await drop();
  });

  describe('having a statement fail with a server message that quotes the password', () => {
    it('should mask the password in the error it makes, and only this connection’s password', async () => {
      const failed = await connection.query('SELECT $1::int', [password]).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      // The premise: PostgreSQL itself quoted it ("invalid input syntax for type integer: ...").
      expect(failed?.message).toContain(password);

      const error = connection.error('read', failed);
      expect(error.message).toContain('***');
      for (const shown of [error.message, inspect(error, { depth: 10 }), JSON.stringify(error)]) {
        expect(shown).not.toContain(password);
      }
      // Another connection masks its own password, not this one's: nothing is registered process-wide.
      const other = new PostgresConnection({ connectionString: 'postgres://u:another-password-2@127.0.0.1:1/db' });
      expect(other.error('read', failed).message).toContain(password);
      await other.close();
    });
  });
});
