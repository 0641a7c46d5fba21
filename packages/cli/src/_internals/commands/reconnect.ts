import type { ConnectionRecord, ProviderConnection, ProviderSetup } from '@changeplane/core/adapter';
import type { LoadedProvider } from '../../providers/loaded-provider.js';
import { optionValues } from '../providers/option-values.js';

export type Reconnection =
  | { readonly ok: true; readonly connections: ReadonlyMap<string, ProviderConnection>; close(): Promise<void> }
  /** `emulatorsGone`: the run used embedded emulators, which stopped with it. */
  | { readonly ok: false; readonly problem: string; readonly emulatorsGone?: true };

/**
 * Reaches the providers of recorded change sets exactly where the last run reached them: same endpoint,
 * region and profile, credentials from the standard chains again. A provider that run did not use is
 * reached through the flags and the standard chains. A run on embedded emulators cannot be reached: they
 * stopped with it.
 */
export async function reconnect(
  providerIds: ReadonlySet<string>,
  records: Readonly<Record<string, ConnectionRecord>>,
  providers: readonly LoadedProvider[],
  flags: Readonly<Record<string, unknown>>,
  setup?: ProviderSetup,
): Promise<Reconnection> {
  const connections = new Map<string, ProviderConnection>();
  const close = async () => {
    await Promise.allSettled([...connections.values()].map((connection) => connection.dispose()));
  };
  const fail = async (problem: string, emulatorsGone = false): Promise<Reconnection> => {
    await close();
    return { ok: false, problem, ...(emulatorsGone ? { emulatorsGone: true as const } : {}) };
  };
  for (const id of providerIds) {
    const provider = providers.find((candidate) => candidate.descriptor.id === id);
    if (!provider) return fail(`a recorded change set belongs to provider ${id}, which this changeplane does not know`);
    let record = records[id];
    if (record?.emulator) {
      return fail(
        `the emulators of that run are gone: it used the embedded ${id} emulator (${record.endpoint}), which stopped with it; run \`changeplane emulators\` and point apply, status and cancel at it to keep change sets to look at`,
        true,
      );
    }
    if (!record) {
      const resolved = await provider.runtime.resolveConnection({
        options: optionValues(provider.descriptor, flags, process.env),
        env: process.env,
      });
      if (!resolved.found) return fail(`${provider.descriptor.title}: no credentials found to reach it`);
      record = resolved.record;
    }
    connections.set(id, await provider.runtime.connect(record, setup));
  }
  return { ok: true, connections, close };
}
