// The parts of a `changeplane serve` fleet the serve benchmark and soak share: a database of their own, real
// `changeplane serve` processes, `changeplane emulators` in another process, and an HTTP client that times calls.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PostgresHostStore } from '@changeplane/server';
import pg from 'pg';
import { changeplaneBinary, isolatedEnv, repositoryRoot } from '../e2e/run-changeplane.js';

/** The machine's PostgreSQL (never restarted by these runs): CHANGEPLANE_TEST_POSTGRES_URL, else 127.0.0.1:5432. */
export const machinePostgres = process.env.CHANGEPLANE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A database of its own on `server` (a postgres:// URL), dropped afterwards. */
export async function freshDatabase(server: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_serve_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A running `changeplane serve`: its URL and its stderr (JSON log lines). */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly log: () => string;
  readonly exited: Promise<number | null>;
}

/** Starts `changeplane serve --store <url>` on a free port with the settings users get (default concurrency). */
export function startServe(store: string, environment: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [changeplaneBinary, 'serve', '--port', '0', '--store', store], {
    cwd: mkdtempSync(join(tmpdir(), 'changeplane-serve-')),
    env: isolatedEnv({ ...environment, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    // Keep the tail only: a long run logs a lot.
    stderr = (stderr + chunk).slice(-200_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, log: () => stderr, exited });
    });
    child.on('error', reject);
    void exited.then((code) => reject(new Error(`serve exited early with ${code}: ${stderr.slice(-2000)}`)));
  });
}

/** Stops a serve process: SIGTERM (it drains) and waits for it, SIGKILL after `graceMs`. */
export async function stopServe(server: ServeProcess, graceMs = 40_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}

/** `changeplane emulators --json --emulator-speed <speed>` in its own process, and the environment it prints. */
export function startEmulators(
  speed: 'fast' | 'slow',
): Promise<{ environment: Record<string, string>; stop: () => void }> {
  const child = spawn(process.execPath, [changeplaneBinary, 'emulators', '--json', '--emulator-speed', speed], {
    cwd: repositoryRoot,
    env: isolatedEnv(),
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line)
        resolve({
          environment: (JSON.parse(line) as { environment: Record<string, string> }).environment,
          stop: () => child.kill('SIGTERM'),
        });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`emulators exited early with ${code}`)));
  });
}

/** Bot tokens (scope `aws-marketplace:*`) and one admin token, made through the store as `token create` does. */
export async function makeTokens(
  store: string,
  bots: readonly { name: string; tenant: string }[],
): Promise<{ admin: string; bots: Map<string, string> }> {
  const opened = await PostgresHostStore.open({ connectionString: store });
  if (opened.isErr()) throw new Error(`store: ${opened.error.message}`);
  const hostStore = opened.value;
  const make = async (name: string, tenant: string, admin: boolean) => {
    const identity = { name, tenant, scopes: ['aws-marketplace:*'], approver: false, admin, requiresApproval: false };
    const made = await hostStore.createToken(identity);
    if (made.isErr()) throw new Error(`token ${name}: ${made.error.message}`);
    return made.value.token;
  };
  try {
    const admin = await make('bench-admin', 'operators', true);
    const tokens = new Map<string, string>();
    for (const bot of bots) tokens.set(bot.name, await make(bot.name, bot.tenant, false));
    return { admin, bots: tokens };
  } finally {
    await hostStore.close();
  }
}

/** One HTTP answer and how long it took (sent to body read), in ms. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly ms: number;
  readonly headers: Headers;
}

/** A JSON call with a bearer token; network errors are status 0 (a killed server), never thrown. */
export async function call(base: string, token: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const began = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
    });
    const text = await response.text();
    const body = text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text };
    return { status: response.status, body, ms: performance.now() - began, headers: response.headers };
  } catch (error) {
    return { status: 0, body: { error: String(error) }, ms: performance.now() - began, headers: new Headers() };
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every item of a paged `/v1` listing (`{ items, next }`), waiting out 429s. */
export async function listAll<T>(base: string, token: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const separator = path.includes('?') ? '&' : '?';
    const page = await call(
      base,
      token,
      `${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (page.status === 429 || page.status === 0 || page.status >= 500) {
      await sleep(1_000);
      continue;
    }
    if (page.status !== 200) throw new Error(`${path}: ${page.status} ${JSON.stringify(page.body)}`);
    items.push(...(page.body.items as T[]));
    cursor = page.body.next as string | undefined;
    if (!cursor) return items;
  }
}

/**
 * A run's events from its SSE stream (the stream replays the store and ends once the run is final); a run
 * that is not final within `timeoutMs` answers no events.
 */
export async function readEvents(
  base: string,
  token: string,
  runId: string,
  timeoutMs = 15_000,
): Promise<Record<string, unknown>[]> {
  for (;;) {
    let text: string;
    try {
      const response = await fetch(`${base}/v1/runs/${runId}/events`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 429) {
        await response.body?.cancel();
        await sleep(1_000);
        continue;
      }
      if (response.status !== 200) throw new Error(`events of ${runId}: ${response.status}`);
      text = await response.text();
    } catch (error) {
      if ((error as Error).name === 'TimeoutError') return [];
      throw error;
    }
    return text
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
  }
}

/** A Marketplace plan with one UpdateInformation change on one entity: one change set. */
export function updateInformationPlan(entity: string, title: string): string {
  return JSON.stringify({
    version: 1,
    name: `bench-${entity}`,
    marketplace: {
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: entity },
          details: { ProductTitle: title },
        },
      ],
    },
  });
}
