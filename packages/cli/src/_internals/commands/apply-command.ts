import { type ChangeSetHandle, planContentHash } from '@changeplane/core';
import type { ConnectionRecord, ProviderDescriptor } from '@changeplane/core/adapter';
import { err, ok, okAsync, type Result } from 'neverthrow';
import { ExitCode } from '../../exit-codes.js';
import { loadPlanFile } from '../../plan-file/load-plan-file.js';
import { type PlanFile, planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { type LoadedProvider, loadProviders } from '../../providers/loaded-provider.js';
import type { RunReporter } from '../output/run-reporter.js';
import { optionValues } from '../providers/option-values.js';
import { AppliedChanges } from '../run/applied-changes.js';
import { buildProviderPlans } from '../run/build-provider-plans.js';
import { connectProviders, type EmulatorReason } from '../run/connect-providers.js';
import { executeRun } from '../run/execute-run.js';
import { earlyExitCode } from '../run/exit-policy.js';
import { openRunStore, type RunStore } from '../run/open-run-store.js';
import type { ProviderRun } from '../run/provider-run.js';
import { RunJournaling } from '../run/run-journaling.js';
import { readSavedPlan } from '../saved-plan/read-saved-plan.js';
import { applySavedPlan } from './apply-saved-plan.js';
import { askConfirmation } from './ask-confirmation.js';
import { type CommonOptions, stateDirectory } from './common-options.js';
import { createReporter } from './create-reporter.js';
import { handleInterrupts } from './interrupt-handler.js';
import { reportRun, saveAndReport } from './report-run.js';

export interface ApplyOptions extends CommonOptions {
  readonly detach?: boolean;
  /** Wait this many seconds for a locked entity instead of failing at once. */
  readonly lockWait?: number;
  /** `apply --yes`: no prompt. */
  readonly yes?: boolean;
  /** `plan --keep`: leave the prepared change sets for review. */
  readonly keep?: boolean;
  /** `plan --out <file>`: keep the prepared change sets and save them for `apply <file>`. */
  readonly out?: string;
  /** `plan --detailed-exitcode`: 0 no changes, 2 changes, 1 error. */
  readonly detailedExitcode?: boolean;
  /** `--replay`: send change sets an earlier run applied, unchanged, again. */
  readonly replay?: boolean;
  /** `apply --new-run`: start afresh even when the last run of this plan did not finish. */
  readonly newRun?: boolean;
  /** `--store postgres://...`: journal and entity locks shared by bots (else CHANGEPLANE_STORE, else the file journal). */
  readonly store?: string;
}

/** One invocation of `apply` or `plan`, as every step of it sees it. */
export interface ApplySession {
  readonly mode: 'apply' | 'plan';
  readonly file: string;
  readonly options: ApplyOptions;
  readonly reporter: RunReporter;
  readonly providers: readonly LoadedProvider[];
  /** The journal's name for what is run: a plan's content hash, or a saved plan's digest. */
  readonly planHash: string;
  readonly store: RunStore;
  /** Ends the command: `run-finished` with the exit code and reason; returns the exit code. */
  finish(exitCode: number, reason: string): number;
  /** Set when a bot host carries out the run: its cancel signal and approval stand in for Ctrl-C and the prompt. */
  readonly hosted?: HostedControl;
  /** Where provider options and credentials are read: this process's environment unless a host gives one. */
  readonly env?: NodeJS.ProcessEnv;
}

/** How a bot host stops and approves a run it carries out. */
export interface HostedControl {
  /** Aborted when the run is cancelled (or handed to another server). */
  readonly signal: AbortSignal;
  /** Asked once every change set is prepared and shown, when the run needs an approver. */
  readonly approve?: (changeSets: number, changes: number) => Promise<boolean>;
}

/** Why the command ends before anything is prepared. */
export interface EarlyEnd {
  readonly exitCode: number;
  readonly reason: string;
}

/**
 * `changeplane apply <plan>` and `changeplane plan <plan>`: check the whole plan, journal the run, connect
 * the providers it uses, prepare and show every change set, then (apply) ask and start them, or (plan)
 * remove them again. An invalid plan starts nothing.
 */
export async function applyCommand(
  mode: 'apply' | 'plan',
  file: string,
  options: ApplyOptions,
  descriptors: readonly ProviderDescriptor[],
): Promise<number> {
  const reporter = createReporter(options);
  const detailedPlan = mode === 'plan' && options.detailedExitcode === true;
  const finish = (code: number, reason: string) => {
    // `plan --detailed-exitcode` keeps 2 for "there are changes": an error that ends it early is 1.
    const exitCode = earlyExitCode(code as ExitCode, { detailedPlan });
    reporter.emit({ type: 'run-finished', exitCode, reason, summary: [] });
    reporter.close();
    return exitCode;
  };
  const providers = await loadProviders(descriptors);
  const saved = mode === 'apply' ? await readSavedPlan(file) : ok(undefined);
  // A saved plan was reviewed when it was made: applying it asks nothing, as terraform's saved plans do.
  const asks = mode === 'apply' && !options.yes && saved.isOk() && !saved.value;
  if (asks && !process.stdin.isTTY) {
    reporter.emit({
      type: 'notice',
      message:
        'apply asks before it starts anything, and there is no terminal to ask on: pass --yes to apply without asking',
    });
    return finish(ExitCode.invalidInput, 'no confirmation, nothing was started');
  }
  const loaded = saved.isOk() && !saved.value ? await loadPlanFile(file, planFileSchemaFor(providers)) : undefined;
  const issues = saved.isErr() ? saved.error : loaded?.isErr() ? loaded.error : undefined;
  if (issues) {
    reporter.emit({ type: 'input-invalid', issues });
    return finish(ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  const store = await openRunStore(options.store ?? process.env.CHANGEPLANE_STORE, stateDirectory(options));
  if ('problem' in store) {
    reporter.emit({ type: 'notice', message: store.problem });
    return finish(ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  const savedPlan = saved.isOk() ? saved.value : undefined;
  const plan = loaded?.isOk() ? loaded.value : undefined;
  const planHash = savedPlan ? savedPlan.digest : planContentHash(plan);
  const session: ApplySession = { mode, file, options, reporter, providers, planHash, store, finish };
  try {
    return savedPlan ? await applySavedPlan(session, savedPlan) : await applyWithStore(session, plan!);
  } finally {
    await store.close();
  }
}

/** Runs a checked plan with the session's store: journal, targets, connections, the run loop, the report. */
export async function applyWithStore(session: ApplySession, plan: PlanFile): Promise<number> {
  const journaling = await openJournaledRun(session);
  if (journaling.isErr()) return session.finish(journaling.error.exitCode, journaling.error.reason);
  const { options, providers, reporter } = session;
  const env = session.env ?? process.env;
  const optionsOf = (id: string) =>
    optionValues(providers.find((provider) => provider.descriptor.id === id)!.descriptor, options, env);
  const plans = buildProviderPlans(plan, providers, {
    file: session.file,
    runId: journaling.value.runId.slice(0, 8),
    options: optionsOf,
  });
  if (plans.isErr()) {
    reporter.emit({ type: 'input-invalid', issues: plans.error });
    return session.finish(ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  const connected = await connectProviders(
    plans.value.map((plan) => ({ ...plan, options: optionsOf(plan.descriptor.id) })),
    {
      emulators: options.emulators === true,
      speed: options.emulatorSpeed,
      env,
      ...(session.store.lockStore ? { setup: { lockStore: session.store.lockStore } } : {}),
    },
  );
  if (!connected.ok) {
    for (const problem of connected.problems) reporter.emit({ type: 'notice', message: problem });
    return connected.noTarget
      ? session.finish(ExitCode.invalidInput, 'no target was configured, nothing was started')
      : session.finish(ExitCode.error, 'no provider could be reached, nothing was started');
  }
  const runs: ProviderRun[] = plans.value.map((plan) => ({
    ...plan,
    connection: connected.connections.get(plan.descriptor.id)!,
  }));
  try {
    return await runConnected(session, journaling.value, runs, connected.emulators);
  } finally {
    await connected.close();
  }
}

/**
 * The run in the journal: the plan's unfinished run picked up (apply), or a new one. `plan` always starts a
 * new one, which it finishes, so it never holds up an apply.
 */
export async function openJournaledRun(session: ApplySession): Promise<Result<RunJournaling, EarlyEnd>> {
  const { journal } = session.store;
  const started = await journal.startRun(session.planHash, {
    newRun: session.mode === 'plan' || session.options.newRun === true,
    command: session.mode,
    plan: session.file,
  });
  if (started.isErr()) {
    session.reporter.emit({ type: 'notice', message: started.error.message });
    return err(
      started.error.code === 'locked'
        ? { exitCode: ExitCode.lockContention, reason: 'another apply holds the run journal, nothing was started' }
        : { exitCode: ExitCode.error, reason: 'the run journal could not be read, nothing was started' },
    );
  }
  const run = started.value;
  if (!run.resumed) return ok(new RunJournaling(journal, run.runId));
  const replay = await journal.replay(run.runId);
  if (replay.isErr()) {
    session.reporter.emit({ type: 'notice', message: replay.error.message });
    return err({ exitCode: ExitCode.error, reason: 'the run journal could not be read, nothing was started' });
  }
  session.reporter.emit({
    type: 'notice',
    message: `resuming run ${run.runId} of this plan, which did not finish (started ${run.startedAt}): what it made is adopted, the rest carried out; --new-run starts afresh`,
  });
  return ok(new RunJournaling(journal, run.runId, replay.value));
}

/**
 * What stops the run and what asks before it starts: Ctrl-C and the terminal prompt for the command (every call is
 * journaled before it is made: a second Ctrl-C has nothing left to write), or the host's cancel signal and
 * approval for a hosted run, which this process's signals never stop.
 */
function stopAndConfirm(session: ApplySession, saved: boolean) {
  const interrupts = session.hosted
    ? { signal: session.hosted.signal, interrupt: () => undefined, dispose: () => undefined }
    : handleInterrupts(() => undefined);
  const asks = session.mode === 'apply' && !session.options.yes && !saved;
  const confirm = session.hosted
    ? session.hosted.approve
    : asks
      ? () => askConfirmation('Do you want to start these change sets?', () => interrupts.interrupt())
      : undefined;
  return { interrupts, confirm };
}

/** Runs connected providers: header, connection records in the journal, the run loop, the report. */
export async function runConnected(
  session: ApplySession,
  journaling: RunJournaling,
  runs: readonly ProviderRun[],
  emulators: EmulatorReason | undefined,
  saved?: ReadonlyMap<string, ChangeSetHandle>,
): Promise<number> {
  const { mode, options, reporter } = session;
  const { interrupts, confirm } = stopAndConfirm(session, saved !== undefined);
  try {
    reporter.emit({
      type: 'run-started',
      command: mode,
      plan: session.file,
      runId: journaling.runId,
      targets: runs.map(({ descriptor, connection }) => ({
        provider: descriptor.id,
        title: descriptor.title,
        endpoint: connection.record.endpoint,
        credentialSource: connection.record.credentialSource,
        emulator: connection.record.emulator,
      })),
      ...(emulators ? { emulators } : {}),
    });
    const records: Record<string, ConnectionRecord> = Object.fromEntries(
      runs.map((run) => [run.descriptor.id, run.connection.record]),
    );
    // A saved plan starts exactly what it holds; otherwise what is applied already is not sent again.
    const applied = options.replay || saved ? okAsync(AppliedChanges.none) : AppliedChanges.read(session.store.journal);
    const recorded = await journaling.connections(records).andThen(() => applied);
    if (recorded.isErr()) {
      reporter.emit({ type: 'notice', message: recorded.error.message });
      return session.finish(ExitCode.error, 'the run journal could not be written, nothing was started');
    }
    const result = await executeRun(runs, {
      mode,
      keep: options.keep === true || options.out !== undefined,
      detach: options.detach === true,
      ...(confirm ? { confirm } : {}),
      reporter,
      wait: { minDelayMs: 200, maxDelayMs: 2_000, maxWaitMs: options.maxWait * 1_000 },
      ...(options.lockWait ? { lockWaitMs: options.lockWait * 1_000 } : {}),
      interrupt: interrupts.signal,
      journal: journaling,
      applied: recorded.value,
      ...(saved ? { saved } : {}),
    });
    if (session.options.out) return await saveAndReport(session, journaling, runs, result, emulators !== undefined);
    return await reportRun(session, journaling, result, emulators !== undefined);
  } finally {
    interrupts.dispose();
    reporter.close();
  }
}
