import { type EntityLockStore, FileRunJournal, type RunJournal } from '@changeplane/core';

/** Where runs are journaled and, for a shared store, where entity locks live. */
export interface RunStore {
  readonly journal: RunJournal;
  /** Set for a shared store: every bot that uses it sees the others' entity locks. */
  readonly lockStore?: EntityLockStore;
  /** Where it is, for people (a database URL with its password masked). */
  readonly description: string;
  close(): Promise<void>;
}

/** `postgres://user:secret@host/db` -> `postgres://user:****@host/db` */
export function maskStoreUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return 'an unreadable store URL';
  }
}

/**
 * The journal of a run: `--store postgres://...` (or `CHANGEPLANE_STORE`) for bots on several machines,
 * with entity locks in the same database; otherwise the embedded file journal in `.changeplane/`.
 */
export async function openRunStore(
  url: string | undefined,
  directory: string,
): Promise<RunStore | { readonly problem: string }> {
  if (url && !/^postgres(ql)?:\/\//.test(url)) {
    return { problem: `--store takes a postgres:// URL, not ${maskStoreUrl(url)}` };
  }
  if (url) {
    // Loaded only when asked for: the pg client is not needed by runs on one machine.
    const { PostgresEntityLockStore, PostgresRunJournal } = await import('@changeplane/postgres');
    const journal = new PostgresRunJournal({ connectionString: url });
    const lockStore = new PostgresEntityLockStore({ connectionString: url });
    return {
      journal,
      lockStore,
      description: maskStoreUrl(url),
      close: async () => {
        await journal.close();
        await lockStore.close();
      },
    };
  }
  const journal = new FileRunJournal({ directory });
  return {
    journal,
    description: journal.path,
    close: async () => {
      await journal.close();
    },
  };
}
