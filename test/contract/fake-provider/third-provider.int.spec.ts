import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ChangeSetError,
  type ChangeSetState,
  type PlannedChangeSet,
  planChangeSets,
  runChangeSetSchedule,
} from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinDescriptors, main } from '../../../packages/cli/src/index.js';
import { fakeQueueDescriptor } from './fake-queue-descriptor.js';
import { fakeQueuePlanningPolicy } from './fake-queue-planning-policy.js';
import { FakeQueueProvider } from './fake-queue-provider.js';
import type { FakeQueueChange } from './fake-queue-request.js';
import { fakeQueueEnvironment } from './fake-queue-runtime.js';
import { FakeQueueService } from './fake-queue-service.js';

// A third provider lives entirely in this folder: the planner, the scheduler and the `changeplane` command
// drive it with no change to packages/core, adapters/* or packages/cli, only by being passed in.

const changes: FakeQueueChange[] = [
  { queue: 'orders', action: 'create', size: 2 },
  { queue: 'mail', action: 'create', size: 1 },
  { queue: 'orders', action: 'resize', size: 8 },
  { queue: 'audit', action: 'create', size: 1 },
  { queue: 'mail', action: 'delete' },
  { queue: 'orders', action: 'resize', size: 16 },
];

async function runThrough(
  service: FakeQueueService,
  batch: readonly FakeQueueChange[],
  sets: readonly PlannedChangeSet[],
) {
  const provider = new FakeQueueProvider(service.endpoint, service.credentials);
  const wait = { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 5_000 };
  return runChangeSetSchedule(
    sets,
    async (set): Promise<Result<ChangeSetState, ChangeSetError | ChangeSetState>> => {
      const request = { name: `set-${set.index + 1}`, changes: set.changeIndexes.map((index) => batch[index]!) };
      const settled = await provider
        .create(request)
        .andThen((handle) => provider.start(handle))
        .andThen((started) => provider.waitUntilSettled(started, wait));
      if (settled.isErr()) return err(settled.error);
      return settled.value.status === 'succeeded' ? ok(settled.value) : err(settled.value);
    },
    { concurrency: 2 },
  );
}

describe('a third provider outside core, the adapters and the command', () => {
  describe('having its planning policy', () => {
    it('should be packed by planChangeSets: at most 3 a set, one change per queue, each queue in plan order', () => {
      const plan = planChangeSets(changes, fakeQueuePlanningPolicy)._unsafeUnwrap();
      expect(plan.levels).toBe(3);
      for (const set of plan.sets) {
        expect(set.changeIndexes.length).toBeLessThanOrEqual(3);
        const queues = set.changeIndexes.map((index) => changes[index]!.queue);
        expect(new Set(queues).size).toBe(queues.length);
      }
      const orderOf = (index: number) => plan.sets.find((set) => set.changeIndexes.includes(index))!.level;
      expect([orderOf(0), orderOf(2), orderOf(5)]).toEqual([0, 1, 2]);
    });
  });

  describe('having planned sets run by runChangeSetSchedule', () => {
    let service: FakeQueueService;
    beforeEach(() => {
      service = new FakeQueueService(20);
    });
    afterEach(() => service.close());

    it('should apply every set in an order that succeeds on the service', async () => {
      const plan = planChangeSets(changes, fakeQueuePlanningPolicy)._unsafeUnwrap();
      const report = await runThrough(service, changes, plan.sets);
      expect(report.succeeded).toBe(plan.sets.length);
      expect(Object.fromEntries(service.queues)).toEqual({ orders: 16, audit: 1 });
    });

    it('should skip the later set of a queue whose earlier set failed and finish the unrelated one', async () => {
      // Seven changes fill three sets; `ghost` does not exist, so the set of its first change fails.
      const failing: FakeQueueChange[] = [
        { queue: 'ghost', action: 'resize', size: 2 },
        { queue: 'jobs', action: 'create', size: 1 },
        { queue: 'logs', action: 'create', size: 1 },
        { queue: 'mail', action: 'create', size: 1 },
        { queue: 'news', action: 'create', size: 1 },
        { queue: 'pay', action: 'create', size: 1 },
        { queue: 'ghost', action: 'delete' },
      ];
      const plan = planChangeSets(failing, fakeQueuePlanningPolicy)._unsafeUnwrap();
      const report = await runThrough(service, failing, plan.sets);
      expect([report.succeeded, report.failed, report.skipped]).toEqual([1, 1, 1]);
      const succeeded = plan.sets.find((set) => report.outcomes[set.index]!.status === 'succeeded')!;
      expect(succeeded.changeIndexes).not.toContain(0);
      expect([...service.queues.keys()].sort()).toEqual(succeeded.entities.slice().sort());
    });
  });

  describe('having the changeplane command given the built-in descriptors and this one', () => {
    const descriptors = [...builtinDescriptors, fakeQueueDescriptor];
    let service: FakeQueueService;
    let folder: string;
    let printed: string;
    const saved = { ...process.env };

    beforeEach(() => {
      service = new FakeQueueService(20);
      folder = mkdtempSync(join(tmpdir(), 'changeplane-fake-'));
      printed = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        printed += String(chunk);
        return true;
      });
      process.env[fakeQueueEnvironment.endpoint] = service.endpoint;
      process.env[fakeQueueEnvironment.keyId] = service.credentials.keyId;
      process.env[fakeQueueEnvironment.secret] = service.credentials.secret;
    });
    afterEach(async () => {
      vi.restoreAllMocks();
      process.env = { ...saved };
      await service.close();
    });

    const events = () =>
      printed
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const planFile = () => {
      const file = join(folder, 'plan.yaml');
      writeFileSync(
        file,
        `version: 1\nname: fake\nqueues:\n  changes:\n${changes
          .map((change) => `    - ${JSON.stringify(change)}`)
          .join('\n')}\n`,
      );
      return file;
    };

    it('should print a plan-file schema with its section beside the built-in ones', async () => {
      expect(await main(['schema'], { descriptors })).toBe(0);
      const schema = JSON.parse(printed) as { properties: Record<string, unknown>; anyOf: unknown[] };
      expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['ros', 'marketplace', 'queues']));
      expect(schema.anyOf).toContainEqual({ required: ['queues'] });
    });

    it('should apply a plan through its flags and environment, then let status reach every change set', async () => {
      const state = join(folder, 'state.json');
      const file = planFile();
      expect(await main(['apply', file, '--yes', '--json', '--state', state], { descriptors })).toBe(0);
      const started = events().find((event) => event.type === 'run-started') as { targets: { provider: string }[] };
      expect(started.targets.map((target) => target.provider)).toEqual(['fake-queues']);
      expect(Object.fromEntries(service.queues)).toEqual({ orders: 16, audit: 1 });

      printed = '';
      expect(await main(['status', '--json', '--state', state], { descriptors })).toBe(0);
      const statuses = events().filter((event) => event.type === 'task-status');
      expect(statuses.map((event) => event.status)).toEqual(service.starts.map(() => 'succeeded'));
    });

    it('should refuse the same plan with exit 2 when the descriptor is not passed', async () => {
      const file = planFile();
      expect(await main(['apply', file, '--yes', '--json', '--state', join(folder, 'state.json')])).toBe(2);
      expect(service.starts).toEqual([]);
    });
  });

  describe('having its source files', () => {
    it('should import only public entry points: core and its adapter subpath, the command, its own folder and libraries', () => {
      const folder = new URL('.', import.meta.url);
      const allowed = [
        /^\.\/[\w.-]+\.js$/,
        /^\.\.\/provider-fixture\.js$/,
        /^@changeplane\/core(\/adapter)?$/,
        /^neverthrow$/,
        /^zod$/,
        /^vitest$/,
        /^node:/,
      ];
      // The command is reached through its package entry only, as '@changeplane/cli' would be; the contract
      // suite's fixture type is the one file of the harness the fixture names.
      const cliEntry = '../../../packages/cli/src/index.js';
      const imports = readdirSync(folder)
        .filter((file) => file.endsWith('.ts'))
        .flatMap((name) =>
          [
            ...readFileSync(new URL(name, folder), 'utf8').matchAll(
              /^(?:import .*|\} )from '([^']+)';$|await import\('([^']+)'\)/gm,
            ),
          ].map((match) => `${name}: ${match[1] ?? match[2]}`),
        );
      expect(imports.length).toBeGreaterThan(30);
      const outside = imports.filter((line) => {
        const specifier = line.slice(line.indexOf(': ') + 2);
        return specifier !== cliEntry && !allowed.some((pattern) => pattern.test(specifier));
      });
      expect(outside).toEqual([]);
    });
  });
});
