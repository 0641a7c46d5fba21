import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The store URL: CHANGEPLANE_STORE, else the machine's server. */
export const storeUrl = process.env.CHANGEPLANE_STORE ?? 'postgres://postgres@127.0.0.1:5432/test';

export function soakSchema(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: storeUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).finally(() => client.end());
}

/** Runs a TypeScript file of this folder as a child process (sources, not dist). */
export function spawnTs(file: string, args: readonly string[]): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions', 'source', '--import', 'tsx', fileURLToPath(new URL(file, import.meta.url)), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        TSX_TSCONFIG_PATH: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)),
      },
    },
  );
}

/** Every line the child prints, and how it ended. */
export function linesOf(child: ChildProcess, onLine: (line: string) => void = () => undefined): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let index = buffer.indexOf('\n'); index >= 0; index = buffer.indexOf('\n')) {
        const line = buffer.slice(0, index);
        buffer = buffer.slice(index + 1);
        lines.push(line);
        onLine(line);
      }
    });
    child.on('error', reject);
    child.on('exit', () => resolve(lines));
  });
}

export function stats(values: readonly number[]): {
  runs: number;
  min: number;
  median: number;
  p99: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    runs: sorted.length,
    min: round(sorted[0] ?? Number.NaN),
    median: round(at(0.5)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}
