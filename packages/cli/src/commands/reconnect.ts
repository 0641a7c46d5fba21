import type { ProviderConnection } from '@changeplane/core';
import type { LoadedProvider } from '../providers/loaded-provider.js';
import type { RunState } from '../state/run-state.js';

export type Reconnection =
  | { readonly ok: true; readonly connections: ReadonlyMap<string, ProviderConnection>; close(): Promise<void> }
  | { readonly ok: false; readonly problem: string };

/**
 * Reaches the providers of a recorded run exactly where that run reached them: same endpoint, region and
 * profile; credentials from the standard chains again. A run on embedded emulators cannot be reached: they
 * stopped with it.
 */
export async function reconnect(state: RunState, providers: readonly LoadedProvider[]): Promise<Reconnection> {
  const connections = new Map<string, ProviderConnection>();
  const close = async () => {
    await Promise.allSettled([...connections.values()].map((connection) => connection.dispose()));
  };
  for (const [id, record] of Object.entries(state.providers)) {
    if (!state.changeSets.some((entry) => entry.ref.provider === id)) continue;
    if (record.emulator) {
      await close();
      return {
        ok: false,
        problem: `run ${state.runId} used the embedded ${id} emulator (${record.endpoint}), which stopped with it; run \`changeplane emulators\` and point apply, status and cancel at it`,
      };
    }
    const provider = providers.find((candidate) => candidate.descriptor.id === id);
    if (!provider) {
      await close();
      return { ok: false, problem: `run ${state.runId} used provider ${id}, which this changeplane does not know` };
    }
    connections.set(id, await provider.runtime.connect(record));
  }
  return { ok: true, connections, close };
}
