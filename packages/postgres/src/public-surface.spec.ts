import { describe, expect, it } from 'vitest';
import { publicSurfaceOf } from '../../../test/support/public-surface.js';

// Each entry point is the package's whole public surface there: a name added or dropped is a deliberate API change.
describe('public surface', () => {
  it('the index exports exactly these values and types', { timeout: 60_000 }, () => {
    expect(publicSurfaceOf(new URL('./index.ts', import.meta.url))).toEqual({
      values: [
        'PostgresConnection',
        'PostgresEntityLockStore',
        'PostgresRunJournal',
        'applyMigrations',
        'migrate',
        'postgresStoreModule',
      ],
      types: ['Migration', 'MigrationTarget', 'PostgresStoreOptions'],
    });
  });
});
