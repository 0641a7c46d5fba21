import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
export const changeplaneBinary = fileURLToPath(new URL('../../packages/cli/bin/changeplane.js', import.meta.url));
const builtEntry = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON lines (for --json runs). */
  readonly events: Record<string, unknown>[];
}

/** A home of its own with no credential files, unless a test writes some. */
function emptyHome(): string {
  return mkdtempSync(join(tmpdir(), 'changeplane-home-'));
}

/**
 * The environment a test run gets: nothing of the developer's own (HOME is a fresh folder) and no instance
 * metadata lookups, which would leave this machine.
 */
export function isolatedEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: emptyHome(),
    CI: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: 'true',
    ...env,
  };
}

/** Runs the built `changeplane` binary as a subprocess, as a bot or a person would. */
export function runChangeplane(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  if (!existsSync(builtEntry)) throw new Error('packages/cli is not built: run `pnpm build` (the test command does)');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [changeplaneBinary, ...args], {
      cwd: repositoryRoot,
      env: isolatedEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const events = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      resolve({ code, stdout, stderr, events });
    });
  });
}

/**
 * Runs the built binary as a subprocess and hands each JSON event to `onEvent` as it is printed (with the
 * child, so a test can act mid-run: kill it, or start another bot); resolves at exit with every event.
 */
export function watchChangeplane(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onEvent: (event: Record<string, unknown>, child: ChildProcess) => void,
): Promise<{ code: number | null; events: Record<string, unknown>[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [changeplaneBinary, ...args], { cwd: repositoryRoot, env: isolatedEnv(env) });
    const events: Record<string, unknown>[] = [];
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        onEvent(event, child);
      }
    });
    child.on('close', (code) => resolve({ code, events }));
  });
}

/** Starts `changeplane emulators --json` and resolves with the environment it prints. */
function startEmulatorsProcess(
  speed: 'fast' | 'slow' = 'slow',
  flags: readonly string[] = [],
): Promise<{ child: ChildProcess; environment: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    const args = [changeplaneBinary, 'emulators', '--json', '--emulator-speed', speed, ...flags];
    const child = spawn(process.execPath, args, { cwd: repositoryRoot, env: isolatedEnv() });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line)
        resolve({ child, environment: (JSON.parse(line) as { environment: Record<string, string> }).environment });
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`emulators exited early with ${code}`)));
  });
}

/** Runs `body` against `changeplane emulators` in another process, stopped afterwards whatever happens. */
export async function withEmulatorsProcess(
  speed: 'fast' | 'slow',
  body: (environment: Record<string, string>) => Promise<void>,
  flags: readonly string[] = [],
): Promise<void> {
  const { child, environment } = await startEmulatorsProcess(speed, flags);
  try {
    await body(environment);
  } finally {
    child.kill('SIGTERM');
  }
}
