import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresUrl } from '../support/postgres-test-schema.js';
import { changeplaneBinary, isolatedEnv, runChangeplane } from './run-changeplane.js';

/** A `changeplane serve` process: its URL, and what it wrote to stderr (its JSON log lines). */
export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly log: () => string;
}

/** Starts `changeplane serve` on a free port; resolves once it prints where it listens. */
export function startServe(args: readonly string[], environment: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [changeplaneBinary, 'serve', '--port', '0', ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'changeplane-serve-')),
    env: isolatedEnv(environment),
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, log: () => stderr });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`serve exited early with ${code}: ${stderr}`)));
  });
}

/** A database of its own on the suite's PostgreSQL, for the servers of one spec; dropped afterwards. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `serve_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** `changeplane token create ...` against a store; returns the token (the last line of stdout). */
export async function createToken(store: string, args: readonly string[]): Promise<string> {
  const created = await runChangeplane(['token', 'create', '--store', store, ...args]);
  if (created.code !== 0) throw new Error(`token create failed (${created.code}): ${created.stderr}`);
  return created.stdout.trim().split('\n').at(-1)!;
}
