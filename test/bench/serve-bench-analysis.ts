import type { ListedChangeSet } from './emulator-change-sets.js';
import type { SubmittedRun } from './serve-bench-bots.js';
import {
  countDuplicatesAndLosses,
  jainIndex,
  latency,
  makespanLowerBound,
  windowedFairness,
} from './serve-bench-measures.js';

/** A run as `GET /v1/runs` shows it (the fields the figures need). */
export interface ListedRun {
  readonly id: string;
  readonly tenant: string;
  readonly state: string;
  readonly reason?: string;
  readonly createdAt: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly tasks: readonly { readonly changeSetId?: string; readonly status: string }[];
}

/** What one bench run collected: from the bots, the host (runs, audit, events) and the emulator. */
export interface Collected {
  readonly began: number;
  readonly submitted: readonly SubmittedRun[];
  readonly refusals: readonly number[];
  readonly runs: readonly ListedRun[];
  readonly audit: readonly { action: string; run?: string; at: string; detail?: Record<string, unknown> }[];
  readonly events: ReadonlyMap<string, readonly Record<string, unknown>[]>;
  readonly changeSets: readonly ListedChangeSet[];
  readonly concurrency: number;
  /** When the bots stopped following their runs (all terminal, or the budget ran out). */
  readonly endedAt: number;
}

const at = (text: string | undefined) => (text === undefined ? Number.NaN : Date.parse(text));
const eventAt = (events: readonly Record<string, unknown>[] | undefined, status: string) =>
  at(events?.find((event) => event.type === 'task-status' && event.status === status)?.at as string | undefined);

/** How many times each text occurs. */
const tally = (texts: readonly string[]) =>
  Object.fromEntries([...new Set(texts)].map((text) => [text, texts.filter((other) => other === text).length]));

function succeededRunsPerEntity(data: Collected): Map<string, number> {
  const succeeded = new Set(data.runs.filter((run) => run.state === 'succeeded').map((run) => run.id));
  const counts = new Map<string, number>();
  for (const run of data.submitted.filter((one) => succeeded.has(one.id)))
    counts.set(run.entity, (counts.get(run.entity) ?? 0) + 1);
  return counts;
}

/** Correctness: duplicates and losses from the emulator's listing, provider 423s from the runs' events. */
function correctness(data: Collected) {
  const submittedPerEntity = new Map<string, number>();
  for (const run of data.submitted) submittedPerEntity.set(run.entity, (submittedPerEntity.get(run.entity) ?? 0) + 1);
  const succeededPerEntity = new Map<string, number>();
  for (const changeSet of data.changeSets)
    if (changeSet.status === 'SUCCEEDED')
      for (const entity of changeSet.entities)
        succeededPerEntity.set(entity, (succeededPerEntity.get(entity) ?? 0) + 1);
  const referenced = new Set(data.runs.flatMap((run) => run.tasks.map((task) => task.changeSetId)));
  const failedEvents = [...data.events.values()].flat().filter((event) => event.type === 'task-failed');
  return {
    ...countDuplicatesAndLosses(submittedPerEntity, succeededPerEntity),
    // Against the runs that reported success: a loss here is a run that says it succeeded without its change.
    againstSucceededRuns: countDuplicatesAndLosses(succeededRunsPerEntity(data), succeededPerEntity),
    changeSetsListed: data.changeSets.length,
    changeSetsNotSucceeded: data.changeSets.filter((changeSet) => changeSet.status !== 'SUCCEEDED').length,
    changeSetsOfNoRun: data.changeSets.filter((changeSet) => !referenced.has(changeSet.id)).length,
    provider423s: failedEvents.filter((event) => JSON.stringify(event).includes('ResourceInUse')).length,
    taskFailedEvents: failedEvents.length,
    runStates: Object.fromEntries(
      [...new Set(data.runs.map((run) => run.state))].map((state) => [
        state,
        data.runs.filter((run) => run.state === state).length,
      ]),
    ),
    refusedSubmissions: data.refusals.length,
    failureKinds: tally(failedEvents.map((event) => JSON.stringify(event.error).slice(0, 300))),
    failedRunReasons: tally(data.runs.filter((run) => run.state === 'failed').map((run) => String(run.reason))),
    submittedPerEntity,
  };
}

/** Makespan (first POST sent to the last run finished) against the brief's lower bound. */
function makespan(data: Collected, submittedPerEntity: ReadonlyMap<string, number>) {
  // Change-set duration: StartChangeSet answered (`running`) to the provider reporting it final (`succeeded`).
  const durations = data.runs
    .map((run) => eventAt(data.events.get(run.id), 'succeeded') - eventAt(data.events.get(run.id), 'running'))
    .filter(Number.isFinite);
  const meanChangeSetMs = durations.reduce((sum, ms) => sum + ms, 0) / durations.length;
  const runDurations = data.runs.map((run) => at(run.finishedAt) - at(run.startedAt)).filter(Number.isFinite);
  const lastFinish = Math.max(...data.runs.map((run) => at(run.finishedAt)).filter(Number.isFinite));
  const makespanMs = lastFinish - data.began;
  const bound = makespanLowerBound([...submittedPerEntity.values()], meanChangeSetMs, data.concurrency);
  return {
    makespanS: Math.round(makespanMs) / 1000,
    meanChangeSetMs: Math.round(meanChangeSetMs),
    changeSetMs: latency(durations),
    meanRunMs: Math.round(runDurations.reduce((sum, ms) => sum + ms, 0) / runDurations.length),
    busiestEntityRuns: Math.max(...submittedPerEntity.values()),
    busiestEntityS: Math.round(bound.busiestEntityMs) / 1000,
    workOverConcurrencyS: Math.round(bound.workOverConcurrencyMs) / 1000,
    boundS: Math.round(bound.boundMs) / 1000,
    ratioToBound: Math.round((makespanMs / bound.boundMs) * 100) / 100,
  };
}

/**
 * Hand-off, per `lock-handoff` audit row (run R): release = R.startedAt - detail.ms (the row's ms is the claim's
 * clock minus the release stamp). Measured from there to R's claim, to R's `creating` event (the runner's
 * first provider call begins: DescribeEntity for Marketplace) and to R's `running` event (StartChangeSet answered).
 */
function handoff(data: Collected) {
  const byId = new Map(data.runs.map((run) => [run.id, run]));
  const claims = data.runs.map((run) => at(run.startedAt)).filter(Number.isFinite);
  const all = { claim: [] as number[], firstCall: [] as number[], started: [] as number[] };
  const direct = { claim: [] as number[], firstCall: [] as number[] };
  for (const row of data.audit.filter((entry) => entry.action === 'lock-handoff')) {
    const run = byId.get(row.run ?? '');
    const ms = Number(row.detail?.ms);
    if (!run || !Number.isFinite(ms)) continue;
    const claimed = at(run.startedAt);
    const release = claimed - ms;
    const firstCall = eventAt(data.events.get(run.id), 'creating') - release;
    all.claim.push(ms);
    all.firstCall.push(firstCall);
    all.started.push(eventAt(data.events.get(run.id), 'running') - release);
    // Direct: no other run was claimed between the release and this claim (no wait for a free worker slot).
    if (!claims.some((other) => other > release && other < claimed)) {
      direct.claim.push(ms);
      direct.firstCall.push(firstCall);
    }
  }
  return {
    releaseToClaim: latency(all.claim),
    releaseToFirstProviderCall: latency(all.firstCall.filter(Number.isFinite)),
    releaseToStartChangeSetAnswered: latency(all.started.filter(Number.isFinite)),
    directReleaseToClaim: latency(direct.claim),
    directReleaseToFirstProviderCall: latency(direct.firstCall.filter(Number.isFinite)),
  };
}

/**
 * Fairness while every tenant is backlogged: from the moment every tenant has submitted a run until the first
 * tenant has none waiting (its last run claimed); Jain's index of completions per tenant in consecutive
 * windows of 10 per tenant, and over the whole span.
 */
function fairness(data: Collected) {
  const tenants = [...new Set(data.submitted.map((run) => run.tenant))];
  const from = Math.max(
    ...tenants.map((t) => Math.min(...data.runs.filter((r) => r.tenant === t).map((r) => at(r.createdAt)))),
  );
  // A tenant with a run never claimed was backlogged to the end of the measurement.
  const lastClaim = (tenant: string) => {
    const claims = data.runs.filter((r) => r.tenant === tenant).map((r) => at(r.startedAt));
    return claims.some(Number.isNaN) ? data.endedAt : Math.max(...claims);
  };
  const to = Math.min(...tenants.map(lastClaim));
  const completions = data.runs
    .filter((run) => run.finishedAt !== undefined)
    .map((run) => ({ tenant: run.tenant, finishedAt: at(run.finishedAt) }));
  const windows = windowedFairness(completions, tenants, from, to, tenants.length * 10);
  const inSpan = completions.filter((completion) => completion.finishedAt >= from && completion.finishedAt <= to);
  const sorted = [...windows].sort((a, b) => a - b);
  const r3 = (value: number) => Math.round(value * 1000) / 1000;
  return {
    backloggedSpanS: Math.round(to - from) / 1000,
    completionsInSpan: inSpan.length,
    windows: windows.length,
    jainMin: r3(sorted[0] ?? Number.NaN),
    jainMedian: r3(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN),
    jainWholeSpan: r3(jainIndex(tenants.map((t) => inSpan.filter((c) => c.tenant === t).length))),
  };
}

/** Every figure of one bench run. */
export function analyse(data: Collected) {
  const { submittedPerEntity, ...checks } = correctness(data);
  return {
    runsSubmitted: data.submitted.length,
    correctness: checks,
    makespan: makespan(data, submittedPerEntity),
    handoffMs: handoff(data),
    postRunsMs: latency(data.submitted.map((run) => run.postMs)),
    fairness: fairness(data),
  };
}
