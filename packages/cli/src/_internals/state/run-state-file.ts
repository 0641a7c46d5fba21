import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunState } from './run-state.js';

export const defaultStateFile = '.changeplane/state.json';

const text = (state: RunState) => `${JSON.stringify(state, null, 2)}\n`;

/** Writes the state next to its place and renames it over: a reader never sees half a file. */
export async function writeRunState(file: string, state: RunState): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text(state));
  await rename(temporary, file);
}

/** The same, synchronously: for the moment a second Ctrl-C leaves at once. */
export function writeRunStateSync(file: string, state: RunState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text(state));
  renameSync(temporary, file);
}

/** The state of the last run, or undefined when there is none (or it is not a state this version reads). */
export async function readRunState(file: string): Promise<RunState | undefined> {
  try {
    const state = JSON.parse(await readFile(file, 'utf8')) as RunState;
    return state.version === 2 ? state : undefined;
  } catch {
    return undefined;
  }
}
