import { err, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import type { PlannedChangeSet } from './planned-change-set.js';
import { runChangeSetSchedule } from './run-change-set-schedule.js';

const set = (index: number, entities: string[], level = 0): PlannedChangeSet => ({
  index,
  level,
  changeIndexes: [index],
  entities,
});

/** A virtual clock: sleeps advance it instantly, so timing is exact and tests are fast. */
function virtualTime() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      await new Promise<void>((resolve) => timers.push({ at: now + ms, resolve }));
      return true;
    },
    /** Runs a fake change set that takes `ms`. */
    work: (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
    async drive<T>(until: Promise<T>): Promise<T> {
      let finished = false;
      void until.then(() => {
        finished = true;
      });
      while (!finished) {
        await new Promise((resolve) => setImmediate(resolve));
        if (finished) break;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) continue;
        now = Math.max(now, next.at);
        next.resolve();
      }
      return until;
    },
  };
}

describe(runChangeSetSchedule, () => {
  describe('having sets with disjoint entities and a concurrency of 2', () => {
    it('should never run more than 2 at once and finish in ceil(n / 2) rounds', async () => {
      const time = virtualTime();
      const sets = Array.from({ length: 6 }, (_, n) => set(n, [`e${n}`]));
      let running = 0;
      let maxRunning = 0;
      const report = await time.drive(
        runChangeSetSchedule(
          sets,
          async () => {
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            await time.work(1_000);
            running -= 1;
            return ok('done');
          },
          { concurrency: 2, now: time.now, sleep: time.sleep },
        ),
      );
      expect(report.succeeded).toBe(6);
      expect(maxRunning).toBe(2);
      expect(time.now()).toBe(3_000);
    });
  });

  describe('having sets that share an entity', () => {
    it('should run them one after another in plan order', async () => {
      const time = virtualTime();
      const order: number[] = [];
      const sets = [set(0, ['a']), set(1, ['a', 'b'], 1), set(2, ['b'], 2), set(3, ['c'])];
      await time.drive(
        runChangeSetSchedule(
          sets,
          async (current) => {
            order.push(current.index);
            await time.work(100);
            return ok(undefined);
          },
          { concurrency: 10, now: time.now, sleep: time.sleep },
        ),
      );
      expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
      expect(order.indexOf(1)).toBeLessThan(order.indexOf(2));
      expect(time.now()).toBe(300);
    });
  });

  describe('having a failing set', () => {
    it('should skip every set that depends on it, transitively, and let unrelated sets finish', async () => {
      const time = virtualTime();
      const sets = [set(0, ['a']), set(1, ['a', 'b'], 1), set(2, ['b'], 2), set(3, ['c'])];
      const report = await time.drive(
        runChangeSetSchedule(sets, async (current) => (current.index === 0 ? err('boom') : ok(current.index)), {
          concurrency: 4,
          now: time.now,
          sleep: time.sleep,
        }),
      );
      expect(report.outcomes).toEqual([
        { status: 'failed', error: 'boom' },
        { status: 'skipped', blockedBy: 0 },
        { status: 'skipped', blockedBy: 0 },
        { status: 'succeeded', value: 3 },
      ]);
    });
  });

  describe('having a start rate of 5 per second', () => {
    it('should not start more than 5 in any second after the burst', async () => {
      const time = virtualTime();
      const starts: number[] = [];
      const sets = Array.from({ length: 20 }, (_, n) => set(n, [`e${n}`]));
      await time.drive(
        runChangeSetSchedule(
          sets,
          async () => {
            starts.push(time.now());
            return ok(undefined);
          },
          { concurrency: 100, startsPerSecond: 5, now: time.now, sleep: time.sleep },
        ),
      );
      expect(starts).toHaveLength(20);
      for (const at of starts) {
        const inWindow = starts.filter((other) => other > at - 1_000 && other <= at).length;
        expect(inWindow).toBeLessThanOrEqual(5);
      }
      expect(starts.at(-1)).toBe(3_000);
    });
  });

  describe('having the longest chain behind one set', () => {
    it('should start that chain first when concurrency is short', async () => {
      const time = virtualTime();
      const sets = [set(0, ['x']), set(1, ['x'], 1), set(2, ['x'], 2), set(3, ['y']), set(4, ['z'])];
      const order: number[] = [];
      await time.drive(
        runChangeSetSchedule(
          [sets[3]!, sets[4]!, sets[0]!, sets[1]!, sets[2]!].sort((a, b) => a.index - b.index),
          async (current) => {
            order.push(current.index);
            await time.work(100);
            return ok(undefined);
          },
          { concurrency: 1, now: time.now, sleep: time.sleep },
        ),
      );
      expect(order[0]).toBe(0);
      expect(time.now()).toBe(500);
    });
  });

  describe('having a long chain and short work with little concurrency', () => {
    it('should run the short work beside the chain and never make the chain wait for a slot', async () => {
      const time = virtualTime();
      // The chain x: sets 0 -> 5 -> 6; short work 1-4 on other entities (ready at once).
      const sets = [
        set(0, ['x']),
        set(1, ['a']),
        set(2, ['b']),
        set(3, ['c']),
        set(4, ['d']),
        set(5, ['x'], 1),
        set(6, ['x'], 2),
      ];
      await time.drive(
        runChangeSetSchedule(
          sets,
          async () => {
            await time.work(100);
            return ok(undefined);
          },
          { concurrency: 2, now: time.now, sleep: time.sleep },
        ),
      );
      // Lower bound: max(chain 3, ceil(7 / 2) = 4) x 100.
      expect(time.now()).toBe(400);
    });
  });

  describe('having an abort', () => {
    it('should start nothing more and report the rest aborted', async () => {
      const controller = new AbortController();
      const time = virtualTime();
      const sets = Array.from({ length: 4 }, (_, n) => set(n, ['shared'], n));
      const report = await time.drive(
        runChangeSetSchedule(
          sets,
          async () => {
            controller.abort();
            return ok(undefined);
          },
          { concurrency: 1, signal: controller.signal, now: time.now, sleep: time.sleep },
        ),
      );
      expect(report.succeeded).toBe(1);
      expect(report.aborted).toBe(3);
    });
  });
  describe('having chains of equal length, one with more sets waiting on it', () => {
    it('should start the set more sets wait for first', async () => {
      const time = virtualTime();
      // 0 -> 2 on x; 1 -> 3 and 1 -> 4 on y and z: both chains are 2 long, 1 has two successors.
      const sets = [set(0, ['x']), set(1, ['y', 'z']), set(2, ['x'], 1), set(3, ['y'], 1), set(4, ['z'], 1)];
      const order: number[] = [];
      await time.drive(
        runChangeSetSchedule(
          sets,
          async (current) => {
            order.push(current.index);
            await time.work(100);
            return ok(undefined);
          },
          { concurrency: 1, now: time.now, sleep: time.sleep },
        ),
      );
      expect(order[0]).toBe(1);
    });
  });

  describe('having the next set of a chain become ready while a start waits for its turn', () => {
    it('should give the turn to that set, not to short work chosen before the wait', async () => {
      const time = virtualTime();
      // The chain x: 0 -> 3 -> 4 (0 takes 500 ms); 1 and 2 are short work, ready from the start.
      const sets = [set(0, ['x']), set(1, ['y']), set(2, ['z']), set(3, ['x'], 1), set(4, ['x'], 2)];
      const startedAt = new Map<number, number>();
      await time.drive(
        runChangeSetSchedule(
          sets,
          async (current) => {
            startedAt.set(current.index, time.now());
            await time.work(current.index === 0 ? 500 : 2_000);
            return ok(undefined);
          },
          { concurrency: 10, startsPerSecond: 1, now: time.now, sleep: time.sleep },
        ),
      );
      // One start a second: 0 at once; at 1 s, 3 (ready since 500 ms, chain 2) goes before 1 and 2.
      expect(startedAt.get(0)).toBe(0);
      expect(startedAt.get(3)).toBe(1_000);
    });
  });
});
