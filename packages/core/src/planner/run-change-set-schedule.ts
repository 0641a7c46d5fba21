import type { Result } from 'neverthrow';
import { RequestPacer } from '../timing/request-pacer.js';
import { changeSetDependencies } from './change-set-dependencies.js';
import type { PlannedChangeSet } from './planned-change-set.js';
import type { ScheduleOutcome, ScheduleReport } from './schedule-outcome.js';

/** What runChangeSetSchedule reports while it runs the sets. */
export type ScheduleEvent =
  | { readonly type: 'set-started'; readonly set: PlannedChangeSet }
  | { readonly type: 'set-settled'; readonly set: PlannedChangeSet; readonly outcome: 'succeeded' | 'failed' }
  | { readonly type: 'set-skipped'; readonly set: PlannedChangeSet; readonly blockedBy: number };

/** Options of runChangeSetSchedule: concurrency, start rate, clock and sleep. */
export interface ScheduleOptions {
  /** How many change sets may be open at once (the account's limit of open change sets). */
  readonly concurrency: number;
  /** Starts per second (the provider's StartChangeSet rate); unlimited when omitted. */
  readonly startsPerSecond?: number;
  readonly signal?: AbortSignal;
  /** Called for every schedule event. */
  readonly onEvent?: (event: ScheduleEvent) => void;
  /** Clock and sleep, injectable for tests. */
  readonly now?: () => number;
  /** Injectable sleep (tests use a fake clock). */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<boolean>;
}

/**
 * Runs planned change sets: concurrently where their entities are disjoint, one after another where they
 * share one, at most `concurrency` at a time and `startsPerSecond` starts a second. Among ready sets the
 * one with the longest chain behind it goes first (on a tie, the one more sets wait for), chosen when the
 * start rate grants a start rather than before, and the last free slot is kept for the longest chain
 * still waiting, so the critical chain never queues behind short work: the makespan stays near its bound. A failed
 * set stops every later set that depends on it (through a shared entity, directly or transitively) and
 * lets unrelated sets finish. `run` covers a set's whole life (start and wait) and returns a Result.
 */
export async function runChangeSetSchedule<T, E>(
  sets: readonly PlannedChangeSet[],
  run: (set: PlannedChangeSet, signal?: AbortSignal) => Promise<Result<T, E>>,
  options: ScheduleOptions,
): Promise<ScheduleReport<T, E>> {
  const { predecessors, successors, chainLength } = changeSetDependencies(sets);
  const outcomes: (ScheduleOutcome<T, E> | undefined)[] = new Array(sets.length).fill(undefined);
  const waitingFor = predecessors.map((list) => list.length);
  const limiter = new RequestPacer(options.startsPerSecond ?? Number.POSITIVE_INFINITY, options.now, options.sleep);
  const ready: number[] = sets.filter((set) => waitingFor[set.index] === 0).map((set) => set.index);
  const inFlight = new Map<number, Promise<void>>();
  const concurrency = Math.max(1, options.concurrency);

  const skipDependents = (failed: number) => {
    const stack = [...successors[failed]!];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (outcomes[next] !== undefined) continue;
      outcomes[next] = { status: 'skipped', blockedBy: failed };
      options.onEvent?.({ type: 'set-skipped', set: sets[next]!, blockedBy: failed });
      stack.push(...successors[next]!);
    }
  };

  const settle = (index: number, result: Result<T, E>) => {
    const set = sets[index]!;
    if (result.isOk()) {
      outcomes[index] = { status: 'succeeded', value: result.value };
      options.onEvent?.({ type: 'set-settled', set, outcome: 'succeeded' });
      for (const next of successors[index]!) {
        waitingFor[next] = waitingFor[next]! - 1;
        if (waitingFor[next] === 0 && outcomes[next] === undefined) ready.push(next);
      }
    } else {
      outcomes[index] = { status: 'failed', error: result.error };
      options.onEvent?.({ type: 'set-settled', set, outcome: 'failed' });
      skipDependents(index);
    }
  };

  // The longest chain not yet started: it decides the makespan, so one slot is kept for it.
  const byChain = sets.map((set) => set.index).sort((a, b) => chainLength[b]! - chainLength[a]! || a - b);
  const started = new Uint8Array(sets.length);
  let chainCursor = 0;
  const longestWaiting = () => {
    while (
      chainCursor < byChain.length &&
      (started[byChain[chainCursor]!] || outcomes[byChain[chainCursor]!] !== undefined)
    ) {
      chainCursor += 1;
    }
    return chainCursor < byChain.length ? chainLength[byChain[chainCursor]!]! : 0;
  };

  // Longest chain first; among equal chains the set more sets wait for (its successors), then plan order.
  const bestReady = (): number => {
    let best = -1;
    for (let position = 0; position < ready.length; position += 1) {
      const candidate = ready[position]!;
      const current = best === -1 ? undefined : ready[best]!;
      if (
        current === undefined ||
        chainLength[candidate]! > chainLength[current]! ||
        (chainLength[candidate] === chainLength[current] &&
          (successors[candidate]!.length > successors[current]!.length ||
            (successors[candidate]!.length === successors[current]!.length && candidate < current)))
      ) {
        best = position;
      }
    }
    return best;
  };
  // The last free slot only goes to a set on the longest remaining chain, unless that chain is already
  // running (its running head frees a slot for its successor).
  const mayTakeLastSlot = (index: number): boolean => {
    if (concurrency === 1 || inFlight.size < concurrency - 1) return true;
    const longest = longestWaiting();
    const chainRunning = [...inFlight.keys()].some((running) => chainLength[running]! > longest);
    return chainRunning || chainLength[index]! >= longest;
  };

  for (;;) {
    while (inFlight.size < concurrency && ready.length > 0 && !options.signal?.aborted) {
      if (!mayTakeLastSlot(ready[bestReady()]!)) break;
      // The set is chosen once the start rate allows a start, not before: a set that became ready during
      // the wait (the critical chain's next set, often) may go before one that was ready earlier.
      if (!(await limiter.turn(options.signal))) break;
      const position = bestReady();
      const index = ready[position]!;
      if (!mayTakeLastSlot(index)) break;
      ready.splice(position, 1);
      started[index] = 1;
      const set = sets[index]!;
      options.onEvent?.({ type: 'set-started', set });
      inFlight.set(
        index,
        run(set, options.signal).then((result) => {
          inFlight.delete(index);
          settle(index, result);
        }),
      );
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight.values());
  }

  const final = outcomes.map((outcome) => outcome ?? ({ status: 'aborted' } as const));
  const count = (status: ScheduleOutcome<T, E>['status']) =>
    final.filter((outcome) => outcome.status === status).length;
  return {
    outcomes: final,
    succeeded: count('succeeded'),
    failed: count('failed'),
    skipped: count('skipped'),
    aborted: count('aborted'),
  };
}
