import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { planContentHash } from '@changeplane/core';
import type { ConnectionRecord, ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import { loadPlanFile } from '../../plan-file/load-plan-file.js';
import { type PlanFile, planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { type LoadedProvider, loadProviders } from '../../providers/loaded-provider.js';
import type { ProviderTarget } from '../output/run-event.js';
import type { RunReporter } from '../output/run-reporter.js';
import { optionValues } from '../providers/option-values.js';
import { buildProviderPlans } from '../run/build-provider-plans.js';
import { connectProviders } from '../run/connect-providers.js';
import { executeRun } from '../run/execute-run.js';
import { runVerdict } from '../run/exit-policy.js';
import { openRunStore, type RunStore } from '../run/open-run-store.js';
import type { ProviderRun } from '../run/provider-run.js';
import { JournalWriteError, RunJournaling } from '../run/run-journaling.js';
import { summaryRows } from '../run/summary-rows.js';
import { RunRecorder } from '../state/run-recorder.js';
import { askConfirmation } from './ask-confirmation.js';
import type { CommonOptions } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { handleInterrupts } from './interrupt-handler.js';

export interface ApplyOptions extends CommonOptions {
  readonly detach?: boolean;
  /** Wait this many seconds for a locked entity instead of failing at once. */
  readonly lockWait?: number;
  /** `apply --yes`: no prompt. */
  readonly yes?: boolean;
  /** `plan --keep`: leave the prepared change sets for review. */
  readonly keep?: boolean;
  /** `plan --detailed-exitcode`: 0 no changes, 2 changes, 1 error. */
  readonly detailedExitcode?: boolean;
  /** `apply --new-run`: start afresh even when the last run of this plan did not finish. */
  readonly newRun?: boolean;
  /** `--store postgres://...`: journal and entity locks shared by bots (else CHANGEPLANE_STORE, else the file journal). */
  readonly store?: string;
}

/**
 * `changeplane apply <plan>` and `changeplane plan <plan>`: check the whole plan, connect the providers it
 * uses, prepare and show every change set, then (apply) ask and start them, or (plan) remove them again.
 * An invalid plan starts nothing.
 */
export async function applyCommand(
  mode: 'apply' | 'plan',
  file: string,
  options: ApplyOptions,
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  const reporter = createReporter(options);
  const finishEarly = (exitCode: number, reason: string) => {
    reporter.emit({ type: 'run-finished', exitCode, reason, summary: [] });
    reporter.close();
    return exitCode;
  };
  if (mode === 'apply' && !options.yes && !process.stdin.isTTY) {
    reporter.emit({
      type: 'notice',
      message:
        'apply asks before it starts anything, and there is no terminal to ask on: pass --yes to apply without asking',
    });
    return finishEarly(ExitCode.invalidInput, 'no confirmation, nothing was started');
  }

  const providers = await loadProviders(descriptors);
  const loaded = await loadPlanFile(file, planFileSchemaFor(providers));
  if (loaded.isErr()) {
    reporter.emit({ type: 'input-invalid', issues: loaded.error });
    return finishEarly(ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  // `plan` starts nothing and journals nothing; `apply` journals every call that can change something.
  const store =
    mode === 'apply'
      ? await openRunStore(options.store ?? process.env.CHANGEPLANE_STORE, dirname(options.state))
      : undefined;
  if (store && 'problem' in store) {
    reporter.emit({ type: 'notice', message: store.problem });
    return finishEarly(ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  try {
    return await applyWithStore(mode, file, options, reporter, providers, loaded.value, store, finishEarly);
  } catch (error) {
    if (!(error instanceof JournalWriteError)) throw error;
    reporter.emit({ type: 'notice', message: `${error.message}; nothing more was started` });
    return finishEarly(ExitCode.error, 'the run journal could not be written');
  } finally {
    await store?.close();
  }
}

async function applyWithStore(
  mode: 'apply' | 'plan',
  file: string,
  options: ApplyOptions,
  reporter: RunReporter,
  providers: LoadedProvider[],
  plan: PlanFile,
  store: RunStore | undefined,
  finishEarly: (exitCode: number, reason: string) => number,
): Promise<number> {
  let journaling: RunJournaling | undefined;
  if (store) {
    const started = await store.journal.startRun(planContentHash(plan), { newRun: options.newRun === true });
    if (started.isErr()) {
      reporter.emit({ type: 'notice', message: started.error.message });
      return started.error.code === 'locked'
        ? finishEarly(ExitCode.lockContention, 'another apply holds the run journal, nothing was started')
        : finishEarly(ExitCode.error, 'the run journal could not be read, nothing was started');
    }
    const run = started.value;
    const replay = run.resumed ? await store.journal.replay(run.runId) : undefined;
    if (replay?.isErr()) {
      reporter.emit({ type: 'notice', message: replay.error.message });
      return finishEarly(ExitCode.error, 'the run journal could not be read, nothing was started');
    }
    journaling = new RunJournaling(store.journal, run.runId, replay?.isOk() ? replay.value : undefined);
    if (run.resumed) {
      reporter.emit({
        type: 'notice',
        message: `resuming run ${run.runId} of this plan, which did not finish (started ${run.startedAt}): what it made is adopted, the rest carried out; --new-run starts afresh`,
      });
    }
  }
  const runId = journaling?.runId ?? randomUUID();
  const optionsOf = (id: string) =>
    optionValues(providers.find((provider) => provider.descriptor.id === id)!.descriptor, options, process.env);
  const plans = buildProviderPlans(plan, providers, { file, runId: runId.slice(0, 8), options: optionsOf });
  if (plans.isErr()) {
    reporter.emit({ type: 'input-invalid', issues: plans.error });
    return finishEarly(ExitCode.invalidInput, 'invalid input, nothing was started');
  }

  const connected = await connectProviders(
    plans.value.map((plan) => ({ ...plan, options: optionsOf(plan.descriptor.id) })),
    {
      emulators: options.emulators === true,
      speed: options.emulatorSpeed,
      env: process.env,
      ...(store?.lockStore ? { setup: { lockStore: store.lockStore } } : {}),
    },
  );
  if (!connected.ok) {
    for (const problem of connected.problems) reporter.emit({ type: 'notice', message: problem });
    return finishEarly(ExitCode.error, 'no provider could be reached, nothing was started');
  }
  const runs: ProviderRun[] = plans.value.map((plan) => ({
    ...plan,
    connection: connected.connections.get(plan.descriptor.id)!,
  }));
  const records: Record<string, ConnectionRecord> = Object.fromEntries(
    runs.map((run) => [run.descriptor.id, run.connection.record]),
  );
  const recorder = new RunRecorder(options.state, {
    runId,
    command: mode,
    plan: file,
    startedAt: new Date().toISOString(),
    providers: records,
  });
  const interrupts = handleInterrupts(() => recorder.flushNow());
  try {
    reporter.emit({
      type: 'run-started',
      command: mode,
      plan: file,
      runId,
      targets: runs.map(
        ({ descriptor, connection }): ProviderTarget => ({
          provider: descriptor.id,
          title: descriptor.title,
          endpoint: connection.record.endpoint,
          credentialSource: connection.record.credentialSource,
          emulator: connection.record.emulator,
        }),
      ),
      ...(connected.emulators ? { emulators: connected.emulators } : {}),
    });
    await recorder.setProviders(records);
    const results = await executeRun(runs, {
      mode,
      keep: options.keep === true,
      detach: options.detach === true,
      ...(mode === 'apply' && !options.yes
        ? {
            confirm: () => askConfirmation('Do you want to start these change sets?', () => interrupts.interrupt()),
          }
        : {}),
      reporter,
      recorder,
      wait: { minDelayMs: 200, maxDelayMs: 2_000, maxWaitMs: options.maxWait * 1_000 },
      ...(options.lockWait ? { lockWaitMs: options.lockWait * 1_000 } : {}),
      stopStarting: interrupts.signal,
      ...(journaling ? { journaling } : {}),
    });
    const inFlight = results.flatMap((result) =>
      result.outcome.kind === 'interrupted'
        ? [{ task: result.task, label: result.label, changeSetId: result.outcome.ref.changeSetId }]
        : [],
    );
    if (interrupts.signal.aborted) {
      reporter.emit({
        type: 'run-interrupted',
        inFlight,
        cancelCommands: inFlight.map((item) => `changeplane cancel ${item.task}`),
      });
    }
    if (connected.emulators && results.some((result) => result.outcome.kind === 'started')) {
      reporter.emit({
        type: 'notice',
        message:
          'detached change sets ran on embedded emulators, which stop with this command; use `changeplane emulators` to keep them',
      });
    }
    await recorder.finish();
    if (recorder.failure) {
      reporter.emit({
        type: 'notice',
        message: `the state file ${options.state} could not be written (${recorder.failure}); ${
          journaling ? 'status and cancel read the run journal instead' : 'status and cancel will not see this run'
        }`,
      });
    }
    const verdict = runVerdict(results, { detailedPlan: mode === 'plan' && options.detailedExitcode === true });
    // An interrupted run stays unfinished in the journal: the next apply of this plan picks it up.
    if (journaling && verdict.exitCode !== ExitCode.interrupted) {
      await store?.journal.finishRun(journaling.runId, verdict.exitCode === ExitCode.success ? 'succeeded' : 'failed');
    }
    reporter.emit({
      type: 'run-finished',
      exitCode: verdict.exitCode,
      reason: verdict.reason,
      summary: summaryRows(results),
      ...(connected.emulators ? { emulatorRun: true } : {}),
    });
    return verdict.exitCode;
  } finally {
    interrupts.dispose();
    await recorder.flush();
    reporter.close();
    await connected.close();
  }
}
