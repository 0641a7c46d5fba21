// `pnpm soak serve`: two `changeplane serve` processes on an embedded PostgreSQL of the soak's own, runs
// flowing; every 10 s one server is killed with SIGKILL and started again, and once, in the middle, the
// PostgreSQL is stopped and started. Then: every run terminal, no change set made twice or lost (from the
// Marketplace emulator's own listing), and how long the survivors took to adopt the killed servers' runs.
import { listedChangeSets } from '../bench/emulator-change-sets.js';
import {
  call,
  listAll,
  makeTokens,
  type ServeProcess,
  sleep,
  startEmulators,
  startServe,
  stopServe,
  updateInformationPlan,
} from '../bench/serve-fleet.js';
import { startRestartablePostgres } from './restartable-postgres.js';
import { type SoakRun, serveSoakFigures } from './serve-soak-figures.js';
import { heldLocks, newServerId } from './server-ids.js';

export interface ServeSoakOptions {
  readonly killEveryMs: number;
  readonly durationMs: number;
  readonly submitEveryMs: number;
  readonly entities: number;
  readonly tenants: number;
}

const serveSoakDefaults: ServeSoakOptions = {
  killEveryMs: 10_000,
  durationMs: 120_000,
  submitEveryMs: 500,
  entities: 12,
  tenants: 3,
};

/** The fleet while the soak runs: the two slots' current processes and what happened to them. */
interface Fleet {
  readonly store: string;
  readonly environment: Record<string, string>;
  readonly slots: (ServeProcess | undefined)[];
  readonly kills: { at: number; serverId: string | undefined }[];
  readonly ids: Map<ServeProcess, string | undefined>;
}

/** One soak round, from a fresh embedded PostgreSQL and fresh emulators to its figures. */
export async function serveSoak(options: ServeSoakOptions = serveSoakDefaults) {
  const postgres = await startRestartablePostgres();
  const emulators = await startEmulators('fast');
  const fleet: Fleet = {
    store: postgres.url,
    environment: emulators.environment,
    slots: [],
    kills: [],
    ids: new Map(),
  };
  try {
    for (const slot of [0, 1]) await restartSlot(fleet, slot);
    const tenants = Array.from({ length: options.tenants }, (_, index) => ({
      name: `soak-bot-${index}`,
      tenant: `soak-${index}`,
    }));
    const tokens = await makeTokens(postgres.url, tenants);
    const began = Date.now();
    const until = began + options.durationMs;
    let restartedAt = 0;
    const chaos = (async () => {
      for (let round = 1; Date.now() < until; round += 1) {
        await sleep(Math.max(0, began + round * options.killEveryMs - Date.now()));
        if (Date.now() >= until) break;
        if (round === Math.round(options.durationMs / options.killEveryMs / 2)) {
          restartedAt = Date.now();
          await postgres.restart(2_000);
        }
        await killAndRestart(fleet, round % 2);
      }
    })();
    const submitted = await submitUntil(fleet, tokens, tenants, options, until);
    await chaos;
    const runs = await untilTerminal(fleet, tokens.admin, new Set(submitted.map((run) => run.id)), 240_000);
    const live = fleet.slots.find((slot) => slot !== undefined)!;
    const audit = await listAll<{ action: string; at: string; detail?: Record<string, unknown> }>(
      live.url,
      tokens.admin,
      '/v1/audit',
    );
    const changeSets = await listedChangeSets(emulators.environment);
    const figures = serveSoakFigures({ began, restartedAt, submitted, runs, audit, changeSets, kills: fleet.kills });
    return { ...figures, locksHeldAtEnd: await heldLocks(postgres.url) };
  } finally {
    await Promise.all(fleet.slots.map((slot) => (slot ? stopServe(slot, 5_000) : undefined)));
    emulators.stop();
    await postgres.stop();
  }
}

/** Starts a serve process in the slot (again and again while the database is away) and learns its server id. */
async function restartSlot(fleet: Fleet, slot: number): Promise<void> {
  for (;;) {
    try {
      const started = await startServe(fleet.store, fleet.environment);
      fleet.slots[slot] = started;
      fleet.ids.set(started, await newServerId(fleet.store, new Set(fleet.ids.values())));
      return;
    } catch {
      await sleep(500);
    }
  }
}

async function killAndRestart(fleet: Fleet, slot: number): Promise<void> {
  const victim = fleet.slots[slot];
  if (victim) {
    victim.child.kill('SIGKILL');
    fleet.kills.push({ at: Date.now(), serverId: fleet.ids.get(victim) });
    await victim.exited;
  }
  fleet.slots[slot] = undefined;
  await restartSlot(fleet, slot);
}

/**
 * Submits a run every `submitEveryMs`, the tenants and entities in turn, to whichever server is up; a
 * submission without an answer (its server was killed, the database away) is sent again with the same
 * Idempotency-Key, which answers the same run.
 */
async function submitUntil(
  fleet: Fleet,
  tokens: { bots: Map<string, string> },
  bots: readonly { name: string; tenant: string }[],
  options: ServeSoakOptions,
  until: number,
): Promise<SoakRun[]> {
  const submitted: SoakRun[] = [];
  const flows: Promise<void>[] = [];
  for (let index = 0; Date.now() < until; index += 1) {
    const bot = bots[index % bots.length]!;
    const entity = `soak-e${index % options.entities}`;
    const key = `soak-run-${index}`;
    flows.push(
      (async () => {
        const statuses: number[] = [];
        for (let attempt = 0; ; attempt += 1) {
          const server = fleet.slots[(index + attempt) % 2] ?? fleet.slots.find((slot) => slot !== undefined);
          const answer = server
            ? await call(server.url, tokens.bots.get(bot.name)!, '/v1/runs', {
                method: 'POST',
                body: updateInformationPlan(entity, key),
                headers: { 'idempotency-key': key },
              })
            : undefined;
          if (answer) statuses.push(answer.status);
          if (answer?.status === 202) {
            submitted.push({ id: String(answer.body.id), entity, statuses, postMs: answer.ms });
            return;
          }
          await sleep(500);
        }
      })(),
    );
    await sleep(options.submitEveryMs);
  }
  await Promise.all(flows);
  return submitted;
}

/** Waits until every submitted run is terminal (or `timeoutMs` passes) and answers the runs as listed. */
async function untilTerminal(fleet: Fleet, admin: string, ids: ReadonlySet<string>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = fleet.slots.find((slot) => slot !== undefined)!;
    const runs = (await listAll<SoakRunView>(live.url, admin, '/v1/runs')).filter((run) => ids.has(run.id));
    const open = runs.filter((run) => !['succeeded', 'failed', 'cancelled'].includes(run.state));
    if ((open.length === 0 && runs.length === ids.size) || Date.now() > deadline) return runs;
    await sleep(2_000);
  }
}

export interface SoakRunView {
  readonly id: string;
  readonly state: string;
  readonly reason?: string;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly tasks: readonly { readonly changeSetId?: string }[];
}
