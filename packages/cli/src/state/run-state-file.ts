import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunState } from './run-state.js';

export const defaultStateFile = '.changeplane/state.json';

export async function writeRunState(file: string, state: RunState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
}

/** The state of the last run, or undefined when there is none. */
export async function readRunState(file: string): Promise<RunState | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RunState;
  } catch {
    return undefined;
  }
}
