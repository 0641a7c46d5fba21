import { type EntityLockStore, isSettledStatus, planContentHash, type RunJournal } from '@changeplane/core';
import type { ProviderDescriptor } from '@changeplane/core/adapter';
import type {
  CheckedPlan,
  HeldChangeSet,
  PlanProblem,
  PlanRunner,
  RunnerContext,
  RunnerOutcome,
} from '@changeplane/server';
import { err, ok, type Result } from 'neverthrow';
import type { z } from 'zod';
import { ExitCode } from '../../exit-codes.js';
import { loadPlanText } from '../../plan-file/load-plan-file.js';
import type { PlanFileIssue } from '../../plan-file/plan-file-issue.js';
import { type PlanFile, planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { type LoadedProvider, loadProviders } from '../../providers/loaded-provider.js';
import { type ApplyOptions, type ApplySession, applyWithStore } from '../commands/apply-command.js';
import { optionValues } from '../providers/option-values.js';
import { buildProviderPlans } from '../run/build-provider-plans.js';
import { checkedPlanOf } from './checked-plan-of.js';
import { EventLogReporter } from './event-log-reporter.js';
import { HeldChangeSets, type HeldReference } from './held-change-sets.js';

/** Where a hosted run is journaled, and the entity locks its adapters share with every other bot. */
export interface HostedRunStore {
  readonly journal: RunJournal;
  readonly lockStore?: EntityLockStore;
}

/** What a bot host gives the run loop: the providers it drives, its store, and where options come from. */
export interface CliPlanRunnerOptions {
  readonly descriptors: readonly ProviderDescriptor[];
  readonly store: HostedRunStore;
  /**
   * Where provider options come from (the endpoint variables); `process.env` by default. Credentials always come
   * from this process's standard chains (environment, profiles, roles), as for `apply`.
   */
  readonly env?: NodeJS.ProcessEnv;
  /** Longest wait for one change set, in seconds (as `apply --max-wait`); 900 by default. */
  readonly maxWaitSeconds?: number;
}

const source = 'the submitted plan';

/**
 * The run loop of `changeplane apply`, for a bot host: checks submitted plans against the providers' schemas
 * and rules, and carries a run out (or resumes it from its journal, keyed by the host's run id) exactly as
 * `apply --yes` does, with the host's cancel signal and approval in place of Ctrl-C and the prompt.
 */
export async function createCliPlanRunner(options: CliPlanRunnerOptions): Promise<PlanRunner> {
  return new CliPlanRunner(options, await loadProviders(options.descriptors));
}

class CliPlanRunner implements PlanRunner {
  readonly #options: CliPlanRunnerOptions;
  readonly #providers: readonly LoadedProvider[];
  readonly #schema: z.ZodType<PlanFile>;
  readonly #env: NodeJS.ProcessEnv;
  /** Change sets this process saw end: asked whether one is final, the answer is known without a call. */
  readonly #settled = new Set<string>();

  constructor(options: CliPlanRunnerOptions, providers: readonly LoadedProvider[]) {
    this.#options = options;
    this.#providers = providers;
    this.#schema = planFileSchemaFor(providers);
    this.#env = options.env ?? process.env;
  }

  async check(body: string, format: 'json' | 'yaml'): Promise<Result<CheckedPlan, readonly PlanProblem[]>> {
    const loaded = loadPlanText(body, format, this.#schema, source);
    if (loaded.isErr()) return err(loaded.error.map(problemOf));
    const plans = buildProviderPlans(loaded.value, this.#providers, {
      file: source,
      runId: 'check',
      options: (id) => this.#optionsOf(id),
    });
    if (plans.isErr()) return err(plans.error.map(problemOf));
    return ok(checkedPlanOf(loaded.value, plans.value));
  }

  async run(document: unknown, context: RunnerContext): Promise<RunnerOutcome> {
    const parsed = this.#schema.safeParse(document);
    if (!parsed.success)
      return { state: 'failed', exitCode: ExitCode.invalidInput, reason: 'the stored plan is invalid' };
    const plan = parsed.data;
    const plans = buildProviderPlans(plan, this.#providers, {
      file: source,
      runId: 'check',
      options: (id) => this.#optionsOf(id),
    });
    const tasks = new Map(
      (plans.isOk() ? plans.value : []).flatMap(({ descriptor, plan: targetPlan }) =>
        targetPlan.targets.map(
          (target) => [target.task, { provider: descriptor.id, keys: target.conflictKeys }] as const,
        ),
      ),
    );
    const held = new HeldChangeSets(
      this.#options.store.journal,
      (changeSet) => context.holding(changeSet),
      tasks,
      this.#settled,
    );
    let finished: { readonly exitCode: number; readonly reason: string } | undefined;
    const reporter = new EventLogReporter(
      (event) => context.emit(event),
      (event) => {
        held.observe(event);
        if (event.type === 'run-finished') finished = { exitCode: event.exitCode, reason: event.reason };
      },
    );
    const session = this.#session(context, reporter, planContentHash(plan));
    const exitCode = await applyWithStore(session, plan);
    await held.settled();
    const flushed = await reporter.flushed();
    const reason = finished?.reason ?? 'the run ended';
    if (!flushed.written)
      return { state: 'failed', exitCode: ExitCode.error, reason: `${reason}; its events could not all be written` };
    return { state: stateOf(exitCode), exitCode, reason };
  }

  async isFinal(changeSet: HeldChangeSet): Promise<boolean | undefined> {
    const reference = changeSet.ref as HeldReference;
    const provider = this.#providers.find((candidate) => candidate.descriptor.id === changeSet.provider);
    if (!provider || !reference?.changeSet || !reference.connection) return undefined;
    if (this.#settled.delete(reference.changeSet.changeSetId)) return true;
    const connection = await provider.runtime.connect(reference.connection).catch(() => undefined);
    if (!connection) return undefined;
    try {
      const state = await connection.provider.describe(reference.changeSet);
      // A change set the provider no longer knows cannot be running.
      if (state.isErr()) return state.error.kind === 'not-found' ? true : undefined;
      return isSettledStatus(state.value.status);
    } finally {
      await connection.dispose();
    }
  }

  async close(): Promise<void> {}

  #optionsOf(id: string): Readonly<Record<string, string | undefined>> {
    const provider = this.#providers.find((candidate) => candidate.descriptor.id === id)!;
    return optionValues(provider.descriptor, {}, this.#env);
  }

  #session(context: RunnerContext, reporter: EventLogReporter, digest: string): ApplySession {
    const options: ApplyOptions = {
      json: true,
      yes: true,
      emulatorSpeed: 'fast',
      stateDir: '.changeplane',
      maxWait: this.#options.maxWaitSeconds ?? 900,
    };
    const approval = context.approval;
    return {
      mode: 'apply',
      file: `run ${context.runId}`,
      options,
      reporter,
      providers: this.#providers,
      // The journal keys a hosted run by the host's run id: a server that adopts it resumes this very run.
      planHash: `serve:${context.runId}`,
      // The host owns the store: a run never closes it.
      store: { ...this.#options.store, description: 'the host store', close: async () => undefined },
      env: this.#env,
      hosted: { signal: context.signal, ...(approval ? { approve: () => approval(digest) } : {}) },
      finish: (exitCode, reason) => {
        reporter.emit({ type: 'run-finished', exitCode, reason, summary: [] });
        return exitCode;
      },
    };
  }
}

function problemOf(issue: PlanFileIssue): PlanProblem {
  return { path: issue.path, message: issue.message, ...(issue.rule ? { rule: issue.rule } : {}) };
}

function stateOf(exitCode: number): RunnerOutcome['state'] {
  if (exitCode === ExitCode.success) return 'succeeded';
  return exitCode === ExitCode.interrupted ? 'cancelled' : 'failed';
}
