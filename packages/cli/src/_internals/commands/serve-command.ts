import type { EmulatorSpeed, ProviderDescriptor, RunningEmulator } from '@changeplane/core/adapter';
import { PostgresEntityLockStore, PostgresRunJournal } from '@changeplane/postgres';
import {
  createServer,
  HostTelemetry,
  PostgresHostStore,
  PostgresWorkers,
  startTracingFromEnv,
} from '@changeplane/server';
import { ExitCode } from '../../exit-codes.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import { createCliPlanRunner } from '../host/cli-plan-runner.js';
import { type HostDatabase, hostDatabase } from './host-store-url.js';

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly store?: string;
  readonly stateDir: string;
  readonly emulators?: boolean;
  readonly emulatorSpeed: EmulatorSpeed;
  readonly concurrency: number;
  readonly maxWait: number;
  readonly allowPrivateWebhookTargets?: boolean;
}

/** What `serve` started, stopped in reverse order when it ends. */
type Cleanup = () => Promise<unknown>;

async function startEmulators(descriptors: readonly ProviderDescriptor[], speed: EmulatorSpeed) {
  const running: RunningEmulator[] = [];
  for (const { descriptor, runtime } of await loadProviders(descriptors)) {
    const started = await runtime.startEmulator(speed);
    if (started.isErr()) return { running, problem: `${descriptor.title}: ${started.error.message}` };
    running.push(started.value);
  }
  return { running };
}

/**
 * `changeplane serve`: the bot host on one PostgreSQL (the `--store`, else an embedded one), its workers
 * carrying out runs with apply's run loop. Prints the URL it listens on; SIGTERM or Ctrl-C drains it (claims
 * nothing more, finishes or hands over its runs) and it exits 0.
 */
export async function serveCommand(options: ServeOptions, descriptors: readonly ProviderDescriptor[]): Promise<number> {
  const cleanups: Cleanup[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  const fail = async (message: string, exitCode: number) => {
    process.stderr.write(`changeplane serve: ${message}\n`);
    await stop();
    return exitCode;
  };
  // Traces only when the standard OTEL_* variables ask for them (docs/server.md, "Traces").
  const tracing = startTracingFromEnv();
  if (tracing.isErr()) return fail(tracing.error, ExitCode.invalidInput);
  if (tracing.value) cleanups.push(() => tracing.value?.shutdown() ?? Promise.resolve());
  const database = await hostDatabase(options.store, options.stateDir);
  if (database.isErr()) return fail(database.error, ExitCode.invalidInput);
  cleanups.push(() => database.value.release());
  if (options.emulators) {
    const emulators = await startEmulators(descriptors, options.emulatorSpeed);
    cleanups.push(() => Promise.all(emulators.running.map((emulator) => emulator.close())));
    if (emulators.problem) return fail(emulators.problem, ExitCode.error);
    // This process is the host: its runs (and the SDKs' credential chains) reach the emulators.
    for (const emulator of emulators.running) Object.assign(process.env, emulator.environment);
  }
  const listening = await listen(options, descriptors, database.value, cleanups);
  if (typeof listening !== 'string') return fail(listening.problem, listening.exitCode);
  process.stdout.write(`changeplane serve listening on ${listening} (store: ${database.value.description})\n`);
  await untilSignalled();
  process.stderr.write(
    'changeplane serve: draining (no new runs are claimed; running ones finish or are handed over)\n',
  );
  await stop();
  return ExitCode.success;
}

async function listen(
  options: ServeOptions,
  descriptors: readonly ProviderDescriptor[],
  database: HostDatabase,
  cleanups: Cleanup[],
): Promise<string | { readonly problem: string; readonly exitCode: number }> {
  const store = await PostgresHostStore.open({ connectionString: database.url });
  if (store.isErr())
    return {
      problem: `the store (${database.description}) could not be opened: ${store.error.message}`,
      exitCode: ExitCode.error,
    };
  cleanups.push(() => store.value.close());
  const journal = new PostgresRunJournal({ connectionString: database.url });
  const lockStore = new PostgresEntityLockStore({ connectionString: database.url });
  cleanups.push(async () => {
    await journal.close();
    await lockStore.close();
  });
  const runner = await createCliPlanRunner({
    descriptors,
    store: { journal, lockStore },
    maxWaitSeconds: options.maxWait,
  });
  cleanups.push(() => runner.close());
  // The workers carry runs with the observed runner: spans, metrics and one log line per run event.
  const telemetry = new HostTelemetry({ db: store.value.database });
  const observed = telemetry.observe(runner);
  const workers = new PostgresWorkers(store.value, observed, { concurrency: options.concurrency });
  const server = createServer({
    store: store.value,
    runner: observed,
    workers,
    telemetry,
    allowPrivateWebhookTargets: options.allowPrivateWebhookTargets === true,
    host: options.host,
    port: options.port,
    // One JSON line per event on stderr: stdout keeps the one line that says where the server listens.
    logger: { level: 'info', stream: process.stderr },
  });
  if (server.isErr()) return { problem: server.error.message, exitCode: ExitCode.invalidInput };
  try {
    const url = await server.value.listen();
    cleanups.push(() => server.value.close());
    return url;
  } catch (error) {
    await server.value.close().catch(() => undefined);
    return {
      problem: `cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`,
      exitCode: ExitCode.error,
    };
  }
}

/** Resolves at the first SIGTERM or SIGINT; a second one leaves at once. */
function untilSignalled(): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(ExitCode.interrupted));
      process.once('SIGTERM', () => process.exit(ExitCode.interrupted));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
