import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { err, ok, type Result } from 'neverthrow';

/** An embedded PostgreSQL this process started, running until `stop`. */
export interface EmbeddedStore {
  /** The URL to connect with (it holds the server's password: never print it). */
  readonly url: string;
  stop(): Promise<void>;
}

export interface EmbeddedStoreError {
  readonly kind: 'embedded-store';
  readonly message: string;
}

/** The URL of the embedded PostgreSQL another process runs in `folder`, if one does. */
function runningIn(folder: string): string | undefined {
  try {
    // postmaster.pid: the server's pid on line 1, its port on line 4.
    const [pid, , , port] = readFileSync(join(folder, 'data', 'postmaster.pid'), 'utf8').split('\n');
    process.kill(Number(pid), 0);
    const password = readFileSync(join(folder, 'password'), 'utf8').trim();
    return `postgres://postgres:${password}@127.0.0.1:${Number(port)}/changeplane`;
  } catch {
    return undefined;
  }
}

/**
 * The embedded PostgreSQL in `folder`: the one another `changeplane` process runs there (`serve`, while a token
 * command reaches it), or one started here (made on first use, kept between starts) in a child process that
 * stops it when this process ends, however it ends.
 */
export async function openEmbeddedStore(folder: string): Promise<Result<EmbeddedStore, EmbeddedStoreError>> {
  const running = runningIn(folder);
  if (running) return ok({ url: running, stop: async () => undefined });
  const script = new URL('./embedded-postgres-process.js', import.meta.url);
  const child = spawn(process.execPath, [script.pathname, folder], { stdio: ['pipe', 'pipe', 'ignore'] });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const fail = (message: string) => err<EmbeddedStore, EmbeddedStoreError>({ kind: 'embedded-store', message });
  return await new Promise((resolve) => {
    const lines = createInterface({ input: child.stdout });
    child.once('error', (error) => resolve(fail(`the embedded PostgreSQL could not be started: ${error.message}`)));
    child.once('exit', () => resolve(fail(`the embedded PostgreSQL in ${folder} stopped before it was ready`)));
    lines.once('line', (line) => {
      const answer = JSON.parse(line) as { url?: string; error?: string };
      if (!answer.url) {
        resolve(
          fail(`the embedded PostgreSQL in ${folder} could not be started: ${answer.error ?? 'no reason given'}`),
        );
        return;
      }
      resolve(
        ok({
          url: answer.url,
          stop: async () => {
            child.stdin.end();
            await stopped;
          },
        }),
      );
    });
  });
}
