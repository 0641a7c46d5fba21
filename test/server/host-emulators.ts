import { builtinDescriptors, loadProviders } from '@changeplane/cli';
import type { RunningEmulator } from '@changeplane/core/adapter';

/**
 * Both providers' emulators, started once for a host under test (as `changeplane serve --emulators` does), and
 * the environment that points a runner at them: endpoint variables and the emulators' test credentials, also
 * set in this process's environment.
 */
export async function startHostEmulators() {
  const providers = await loadProviders(builtinDescriptors);
  const running: RunningEmulator[] = [];
  for (const { runtime } of providers) {
    const started = await runtime.startEmulator('fast');
    if (started.isErr()) throw new Error(started.error.message);
    running.push(started.value);
  }
  const environment: NodeJS.ProcessEnv = {};
  for (const emulator of running) Object.assign(environment, emulator.environment);
  // The SDKs' credential chains read this process's environment, as they do under `serve --emulators`.
  Object.assign(process.env, environment);
  return {
    environment,
    close: async () => {
      await Promise.all(running.map((emulator) => emulator.close()));
    },
  };
}
