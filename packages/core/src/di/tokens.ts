import type { ServiceIdentifier } from 'inversify';
import type { RunJournal } from '../journal/run-journal.js';
import type { EntityLockStore } from '../locks/entity-lock-store.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';

/** Every adapter module binds its provider to this token; the registry injects them all. */
export const ChangeSetProviderToken: ServiceIdentifier<ChangeSetProvider> = Symbol.for('changeplane.ChangeSetProvider');

/** The lock store providers share, so two adapters in one process see each other's locks. */
export const EntityLockStoreToken: ServiceIdentifier<EntityLockStore> = Symbol.for('changeplane.EntityLockStore');

/** Where runs are journaled: the file journal by default, PostgreSQL for many bots. */
export const RunJournalToken: ServiceIdentifier<RunJournal> = Symbol.for('changeplane.RunJournal');
