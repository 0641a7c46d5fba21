import type { RunState, RunView } from '@changeplane/client';
import { ExitCode } from '../../exit-codes.js';
import { exitCodeOfClientError } from './client-exit-code.js';
import { type ServerOptions, serverClient } from './server-client.js';

export interface RunsCommandOptions extends ServerOptions {
  readonly state?: RunState;
  readonly json?: boolean;
  readonly limit?: number;
}

function line(run: RunView): string {
  const where = run.state === 'queued' && run.position !== undefined ? ` (place ${run.position})` : '';
  const exit = run.exitCode !== undefined ? ` exit ${run.exitCode}` : '';
  const tasks = run.tasks.map((task) => `${task.label}:${task.status}`).join(' ');
  return `${run.id}\t${run.state}${where}${exit}\t${run.tenant}\t${run.submittedBy}\t${run.createdAt}\t${tasks}`;
}

/** `changeplane runs --server URL`: the token's runs (one page), newest first, or one JSON object with `--json`. */
export async function runsCommand(options: RunsCommandOptions): Promise<number> {
  const client = serverClient(options);
  if (client.isErr()) {
    process.stderr.write(`${client.error}\n`);
    return ExitCode.invalidInput;
  }
  const listed = await client.value.listRuns({
    ...(options.state ? { state: options.state } : {}),
    ...(options.limit ? { limit: options.limit } : {}),
  });
  if (listed.isErr()) {
    process.stderr.write(`${listed.error.message}\n`);
    return exitCodeOfClientError(listed.error);
  }
  if (options.json) {
    process.stdout.write(`${JSON.stringify(listed.value)}\n`);
    return ExitCode.success;
  }
  for (const run of listed.value.items) process.stdout.write(`${line(run)}\n`);
  if (listed.value.items.length === 0) process.stdout.write('no runs\n');
  return ExitCode.success;
}
