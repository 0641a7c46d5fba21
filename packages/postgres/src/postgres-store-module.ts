import 'reflect-metadata';
import { EntityLockStoreToken, RunJournalToken } from '@changeplane/core';
import { ContainerModule } from 'inversify';
import { PostgresConnection } from './postgres-connection.js';
import { PostgresEntityLockStore } from './postgres-entity-lock-store.js';
import { PostgresRunJournal } from './postgres-run-journal.js';
import type { PostgresStoreOptions } from './postgres-store-options.js';

/**
 * Binds core's `EntityLockStoreToken` and `RunJournalToken` to PostgreSQL stores on one pool, for a plugin
 * host: load it beside the adapters' modules and every provider shares the database's locks.
 */
export function postgresStoreModule(options: PostgresStoreOptions): ContainerModule {
  const connection = new PostgresConnection(options);
  return new ContainerModule(({ bind }) => {
    bind(EntityLockStoreToken).toConstantValue(new PostgresEntityLockStore(connection));
    bind(RunJournalToken).toConstantValue(new PostgresRunJournal(connection));
  });
}
