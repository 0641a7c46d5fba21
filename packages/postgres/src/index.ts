export { applyMigrations, type Migration, type MigrationTarget } from './apply-migrations.js';
export { migrate } from './migrate.js';
export { PostgresConnection } from './postgres-connection.js';
export { PostgresEntityLockStore } from './postgres-entity-lock-store.js';
export { PostgresRunJournal } from './postgres-run-journal.js';
export { postgresStoreModule } from './postgres-store-module.js';
export type { PostgresStoreOptions } from './postgres-store-options.js';
