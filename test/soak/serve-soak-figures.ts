import type { ListedChangeSet } from '../bench/emulator-change-sets.js';
import { countDuplicatesAndLosses, latency } from '../bench/serve-bench-measures.js';
import type { SoakRunView } from './serve-soak.js';

/** A run the soak submitted, and the answers its submission got (0: no answer). */
export interface SoakRun {
  readonly id: string;
  readonly entity: string;
  readonly statuses: readonly number[];
  readonly postMs: number;
}

interface SoakData {
  readonly began: number;
  readonly restartedAt: number;
  readonly submitted: readonly SoakRun[];
  readonly runs: readonly SoakRunView[];
  readonly audit: readonly { action: string; at: string; detail?: Record<string, unknown> }[];
  readonly changeSets: readonly ListedChangeSet[];
  readonly kills: readonly { at: number; serverId: string | undefined }[];
}

const tally = (values: readonly (string | number)[]) =>
  Object.fromEntries([...new Set(values)].map((value) => [value, values.filter((other) => other === value).length]));

/**
 * The soak's figures: duplicates and losses per entity from the emulator's listing (succeeded change sets
 * against succeeded runs, and against submitted runs), terminal runs, adoption times (each `adopted` audit
 * row against the kill of the server it was taken from), and runs per minute.
 */
export function serveSoakFigures(data: SoakData) {
  const perEntity = (entities: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const entity of entities) counts.set(entity, (counts.get(entity) ?? 0) + 1);
    return counts;
  };
  const succeededRuns = new Set(data.runs.filter((run) => run.state === 'succeeded').map((run) => run.id));
  const listed = perEntity(
    data.changeSets.filter((changeSet) => changeSet.status === 'SUCCEEDED').flatMap((changeSet) => changeSet.entities),
  );
  const killedAt = new Map(data.kills.map((kill) => [kill.serverId, kill.at]));
  const adoptions = data.audit
    .filter((row) => row.action === 'adopted')
    .map((row) => Date.parse(row.at) - (killedAt.get(String(row.detail?.from)) ?? Number.NaN))
    .filter(Number.isFinite);
  const finishes = data.runs.map((run) => Date.parse(run.finishedAt ?? '')).filter(Number.isFinite);
  const minutes = (Math.max(...finishes) - data.began) / 60_000;
  const terminal = data.runs.filter((run) => ['succeeded', 'failed', 'cancelled'].includes(run.state)).length;
  return {
    kills: data.kills.length,
    killsWithServerId: data.kills.filter((kill) => kill.serverId).length,
    postgresRestartAtS: Math.round((data.restartedAt - data.began) / 100) / 10,
    submitted: data.submitted.length,
    terminal,
    runStates: tally(data.runs.map((run) => run.state)),
    failedReasons: tally(data.runs.filter((run) => run.state === 'failed').map((run) => String(run.reason))),
    againstSubmitted: countDuplicatesAndLosses(perEntity(data.submitted.map((run) => run.entity)), listed),
    againstSucceededRuns: countDuplicatesAndLosses(
      perEntity(data.submitted.filter((run) => succeededRuns.has(run.id)).map((run) => run.entity)),
      listed,
    ),
    changeSetsNotSucceeded: tally(
      data.changeSets.filter((changeSet) => changeSet.status !== 'SUCCEEDED').map((changeSet) => changeSet.status),
    ),
    adoptedRows: data.audit.filter((row) => row.action === 'adopted').length,
    adoptionMs: latency(adoptions),
    submissionAnswers: tally(data.submitted.flatMap((run) => run.statuses)),
    postRunsMs: latency(data.submitted.map((run) => run.postMs)),
    runsPerMinute: Math.round((terminal / minutes) * 10) / 10,
  };
}
