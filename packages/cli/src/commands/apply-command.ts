import { randomUUID } from 'node:crypto';
import { ExitCode } from '../exit-codes.js';
import { loadPlanFile } from '../plan-file/load-plan-file.js';
import { buildRunTargets } from '../run/build-run-targets.js';
import { executeRun } from '../run/execute-run.js';
import { connectProviders } from '../runtime/connect-providers.js';
import { writeRunState } from '../state/run-state-file.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';

export interface ApplyOptions extends CommonOptions {
  readonly detach?: boolean;
  /** Wait this many seconds for a locked entity instead of failing at once. */
  readonly lockWait?: number;
}

/**
 * `changeplane apply <plan>` and `changeplane plan <plan>`: check the whole plan, then create, show,
 * start and wait (apply), or create and validate only (plan). An invalid plan starts nothing.
 */
export async function applyCommand(mode: 'apply' | 'plan', file: string, options: ApplyOptions): Promise<number> {
  const reporter = createReporter(options.json);
  const loaded = await loadPlanFile(file);
  if (loaded.isErr()) {
    reporter.emit({ type: 'input-invalid', issues: loaded.error });
    reporter.emit({ type: 'run-finished', exitCode: ExitCode.invalidInput, summary: [] });
    reporter.close();
    return ExitCode.invalidInput;
  }
  const plan = loaded.value;
  const regionId = plan.ros?.regionId ?? options.region;
  const connection = await connectProviders({
    regionId,
    awsRegion: options.awsRegion,
    ...(options.rosEndpoint ? { rosEndpoint: options.rosEndpoint } : {}),
    ...(options.marketplaceEndpoint ? { marketplaceEndpoint: options.marketplaceEndpoint } : {}),
    useEmulators: options.emulators ?? false,
    emulatorSpeed: options.emulatorSpeed,
    env: process.env,
  });
  const controller = new AbortController();
  const onSignal = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    reporter.emit({
      type: 'run-started',
      command: mode,
      plan: file,
      mode: connection.mode,
      endpoints: connection.endpoints,
    });
    const runId = randomUUID().slice(0, 8);
    const targets = buildRunTargets(plan, file, connection.registry, runId);
    if (targets.isErr()) {
      reporter.emit({ type: 'input-invalid', issues: targets.error });
      reporter.emit({ type: 'run-finished', exitCode: ExitCode.invalidInput, summary: [] });
      return ExitCode.invalidInput;
    }
    const result = await executeRun(targets.value, {
      mode,
      detach: options.detach ?? false,
      registry: connection.registry,
      reporter,
      wait: { minDelayMs: 200, maxDelayMs: 2_000, maxWaitMs: options.maxWait * 1_000 },
      ...(options.lockWait ? { lockWaitMs: options.lockWait * 1_000 } : {}),
      signal: controller.signal,
    });
    await writeRunState(options.state, {
      version: 1,
      updatedAt: new Date().toISOString(),
      mode: connection.mode,
      endpoints: connection.endpoints,
      connection: {
        regionId,
        awsRegion: options.awsRegion,
        ...(options.rosEndpoint ? { rosEndpoint: options.rosEndpoint } : {}),
        ...(options.marketplaceEndpoint ? { marketplaceEndpoint: options.marketplaceEndpoint } : {}),
      },
      changeSets: result.changeSets,
    });
    if (connection.mode === 'emulators' && options.detach) {
      reporter.emit({
        type: 'notice',
        message:
          'detached change sets ran on embedded emulators, which stop with this command; use `changeplane emulators` to keep them',
      });
    }
    reporter.emit({ type: 'run-finished', exitCode: result.exitCode, summary: result.summary });
    return result.exitCode;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    reporter.close();
    await connection.close();
  }
}
