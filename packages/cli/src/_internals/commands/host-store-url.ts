import { join } from 'node:path';
import { openEmbeddedStore } from '@changeplane/server';
import { err, ok, type Result } from 'neverthrow';
import { maskStoreUrl } from '../run/open-run-store.js';

/** The PostgreSQL a host command uses, and how to let go of it. */
export interface HostDatabase {
  /** The URL to connect with (it may hold a password: never print it). */
  readonly url: string;
  /** Where it is, for people: the embedded server's folder, or the URL with its password masked. */
  readonly description: string;
  release(): Promise<void>;
}

/**
 * The host's store as `serve` and the token commands find it: `--store`, else `CHANGEPLANE_STORE`, else an
 * embedded PostgreSQL in `<state dir>/postgres` (the one a running `serve` started there, or a new one).
 */
export async function hostDatabase(
  store: string | undefined,
  stateDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Result<HostDatabase, string>> {
  const url = store ?? env.CHANGEPLANE_STORE;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) return err(`--store takes a postgres:// URL, not ${maskStoreUrl(url)}`);
    return ok({ url, description: maskStoreUrl(url), release: async () => undefined });
  }
  const folder = join(stateDir, 'postgres');
  const embedded = await openEmbeddedStore(folder);
  if (embedded.isErr()) return err(embedded.error.message);
  return ok({
    url: embedded.value.url,
    description: `the embedded PostgreSQL in ${folder}`,
    release: () => embedded.value.stop(),
  });
}
