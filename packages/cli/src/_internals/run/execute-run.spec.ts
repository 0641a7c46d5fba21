import {
  InMemoryRunJournal,
  type JournalEntry,
  type RunJournalError,
  type RunReplay,
  runJournalError,
} from '@changeplane/core';
import { errAsync, type ResultAsync } from 'neverthrow';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeQueueDescriptor } from '../../../../../test/contract/fake-provider/fake-queue-descriptor.js';
import { fakeQueueServiceAt } from '../../../../../test/contract/fake-provider/fake-queue-service.js';
import { planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import type { RunEvent } from '../output/run-event.js';
import { buildProviderPlans } from './build-provider-plans.js';
import { executeRun } from './execute-run.js';
import type { ProviderRun } from './provider-run.js';
import type { ExecuteRunOptions } from './run-context.js';
import { RunJournaling } from './run-journaling.js';

// The run loop driven through the contract suite's third provider (an in-process queue service): every
// transition of a task, and every way out of it, checked against what the service holds.

type QueueChange = { queue: string; action: 'create' | 'resize' | 'delete'; size?: number };

/** A journal whose `failAt`-th write fails, as a full disk or a lost database would. */
class FailingJournal extends InMemoryRunJournal {
  #writes = 0;
  constructor(private readonly failAt: number) {
    super();
  }
  protected override append(entry: JournalEntry): ResultAsync<void, RunJournalError> {
    this.#writes += 1;
    if (this.#writes >= this.failAt) return errAsync(runJournalError('io', 'no space left on device'));
    return super.append(entry);
  }
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function queueRun(changes: readonly QueueChange[]) {
  const providers = await loadProviders([fakeQueueDescriptor]);
  const plan = planFileSchemaFor(providers).parse({ version: 1, queues: { changes } });
  const [built] = buildProviderPlans(plan, providers, {
    file: 'plan.yaml',
    runId: 'r1',
    options: () => ({}),
  })._unsafeUnwrap();
  const emulator = (await built!.runtime.startEmulator('fast'))._unsafeUnwrap();
  closers.push(() => emulator.close());
  const service = fakeQueueServiceAt(emulator.connection.record.endpoint)!;
  const runs: ProviderRun[] = [{ ...built!, connection: emulator.connection }];
  return { runs, service };
}

async function journaled(journal: InMemoryRunJournal, replayOf?: string) {
  const started = (await journal.startRun('plan-hash'))._unsafeUnwrap();
  const replay: RunReplay | undefined = replayOf ? (await journal.replay(replayOf))._unsafeUnwrap() : undefined;
  return new RunJournaling(journal, started.runId, replay);
}

function options(journal: RunJournaling, overrides: Partial<ExecuteRunOptions> = {}) {
  const events: RunEvent[] = [];
  const runOptions: ExecuteRunOptions = {
    mode: 'apply',
    reporter: { emit: (event) => events.push(event), close: () => undefined },
    wait: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 10_000 },
    interrupt: new AbortController().signal,
    journal,
    ...overrides,
  };
  return { runOptions, events };
}

const statusesOf = (events: readonly RunEvent[], task: string) =>
  events.flatMap((event) => (event.type === 'task-status' && event.task === task ? [event.status] : []));

// One set per change: the fake's policy never puts two changes of one queue in a set.
const chain: QueueChange[] = [
  { queue: 'a', action: 'create', size: 1 },
  { queue: 'a', action: 'resize', size: 2 },
  { queue: 'a', action: 'resize', size: 3 },
];

describe(executeRun, () => {
  describe('having a plan that applies', () => {
    it('should move every task planned -> prepared -> started -> settled and journal each call', async () => {
      const { runs, service } = await queueRun(chain);
      const journal = new InMemoryRunJournal();
      const { runOptions, events } = options(await journaled(journal));
      const result = await executeRun(runs, runOptions);
      expect(result.stop).toBeUndefined();
      expect(result.tasks.map((task) => task.outcome.kind)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      for (const task of result.tasks)
        expect(statusesOf(events, task.task)).toEqual(['creating', 'ready', 'starting', 'running', 'succeeded']);
      expect(service.starts).toHaveLength(3);
      expect(Object.fromEntries(service.queues)).toEqual({ a: 3 });
      const calls = journal.entries().flatMap((entry) => (entry.type === 'intent' ? [entry.operation] : []));
      expect(calls.filter((call) => call === 'start')).toHaveLength(3);
      expect(journal.entries().find((entry) => entry.type === 'intent')).toMatchObject({ label: expect.any(String) });
    });
  });

  describe('having `plan` mode', () => {
    it('should prepare and show every change set and start none', async () => {
      const { runs, service } = await queueRun(chain);
      const { runOptions, events } = options(await journaled(new InMemoryRunJournal()), { mode: 'plan' });
      const result = await executeRun(runs, runOptions);
      expect(result.tasks.map((task) => task.outcome)).toEqual([
        { kind: 'previewed', changes: 1, kept: false },
        { kind: 'previewed', changes: 1, kept: false },
        { kind: 'previewed', changes: 1, kept: false },
      ]);
      expect(statusesOf(events, result.tasks[0]!.task)).toEqual(['creating', 'ready', 'previewed']);
      expect(service.starts).toEqual([]);
    });
  });

  describe('having the confirmation declined', () => {
    it('should start nothing and report each task not started', async () => {
      const { runs, service } = await queueRun(chain);
      let asked: [number, number] | undefined;
      const { runOptions, events } = options(await journaled(new InMemoryRunJournal()), {
        confirm: async (changeSets, changes) => {
          asked = [changeSets, changes];
          return false;
        },
      });
      const result = await executeRun(runs, runOptions);
      expect(asked).toEqual([3, 3]);
      expect(result.tasks.map((task) => task.outcome)).toEqual(
        Array(3).fill({ kind: 'not-started', reason: 'declined' }),
      );
      expect(events.some((event) => event.type === 'confirmation-needed')).toBe(true);
      expect(service.starts).toEqual([]);
    });
  });

  describe('having Ctrl-C at the prompt', () => {
    it('should start nothing and stop as interrupted', async () => {
      const { runs, service } = await queueRun(chain);
      const interrupt = new AbortController();
      const { runOptions } = options(await journaled(new InMemoryRunJournal()), {
        interrupt: interrupt.signal,
        confirm: async () => {
          interrupt.abort();
          return false;
        },
      });
      const result = await executeRun(runs, runOptions);
      expect(result.stop).toEqual({ kind: 'interrupted' });
      expect(result.tasks.map((task) => task.outcome)).toEqual(
        Array(3).fill({ kind: 'not-started', reason: 'interrupted' }),
      );
      expect(service.starts).toEqual([]);
    });
  });

  describe('having a change set that fails', () => {
    it('should fail it and skip the later set on its queue', async () => {
      const { runs, service } = await queueRun([
        { queue: 'a', action: 'resize', size: 3 },
        { queue: 'a', action: 'delete' },
      ]);
      const { runOptions, events } = options(await journaled(new InMemoryRunJournal()));
      const result = await executeRun(runs, runOptions);
      expect(result.tasks.map((task) => task.outcome.kind)).toEqual(['failed', 'skipped']);
      expect(statusesOf(events, result.tasks[0]!.task)).toEqual(['creating', 'ready', 'starting', 'running', 'failed']);
      expect(statusesOf(events, result.tasks[1]!.task)).toEqual(['creating', 'ready', 'skipped']);
      expect(service.starts).toHaveLength(1);
    });
  });

  describe('having an unfinished run that started a change set', () => {
    it('should adopt it, wait for it and start only the rest', async () => {
      const { runs, service } = await queueRun(chain);
      const journal = new InMemoryRunJournal();
      const first = await journaled(journal);
      // The first run starts the first task only, then "crashes".
      const { runOptions } = options(first, { mode: 'apply', detach: true });
      const firstTask = runs[0]!.plan.targets[0]!;
      const prepared = await runs[0]!.connection.provider.create(firstTask.request, {
        clientToken: first.token(firstTask.task, 'create'),
        startToken: first.token(firstTask.task, 'start'),
      });
      const task = { key: firstTask.task, target: firstTask, run: runs[0]!, state: { phase: 'planned' as const } };
      await first.intent(task, 'start');
      const started = await runs[0]!.connection.provider.start(prepared._unsafeUnwrap());
      await first.outcome(firstTask.task, 'start', { ref: started._unsafeUnwrap() });
      expect(runOptions.journal).toBe(first);

      const resumed = await journaled(journal, first.runId);
      const { runOptions: again, events } = options(resumed);
      const result = await executeRun(runs, again);
      expect(result.tasks.map((entry) => entry.outcome.kind)).toEqual(['succeeded', 'succeeded', 'succeeded']);
      expect(statusesOf(events, firstTask.task)).toEqual(['running', 'succeeded']);
      expect(service.starts).toHaveLength(3);
    });
  });

  describe('having a journal that fails on its Nth write', () => {
    it('should stop, await every worker, and name exactly the change sets the service started', async () => {
      const clean = new InMemoryRunJournal();
      {
        const { runs } = await queueRun(chain);
        await executeRun(runs, options(await journaled(clean)).runOptions);
      }
      const writes = clean.entries().length;
      for (let failAt = 2; failAt <= writes; failAt += 1) {
        const { runs, service } = await queueRun(chain);
        const journal = new FailingJournal(failAt);
        const result = await executeRun(runs, options(await journaled(journal)).runOptions);
        expect(result.stop?.kind, `write ${failAt}`).toBe('journal-failed');
        const claimed = result.tasks
          .filter((task) => ['succeeded', 'started', 'interrupted', 'failed', 'cancelled'].includes(task.outcome.kind))
          .map((task) => task.changeSetId);
        // What the run says it started is what the service holds: nothing more, nothing less.
        expect(claimed.sort(), `write ${failAt}`).toEqual([...service.starts].sort());
        // No start without its intent on record.
        const intents = journal.entries().filter((entry) => entry.type === 'intent' && entry.operation === 'start');
        expect(intents.length, `write ${failAt}`).toBeGreaterThanOrEqual(service.starts.length);
      }
    });
  });
});
