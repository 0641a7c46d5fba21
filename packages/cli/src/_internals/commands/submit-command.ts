import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ChangeplaneClient, ClientError } from '@changeplane/client';
import { ExitCode } from '../../exit-codes.js';
import type { RunReporter } from '../output/run-reporter.js';
import { exitCodeOfClientError } from './client-exit-code.js';
import { createReporter } from './create-reporter.js';
import { followHostedRun } from './follow-hosted-run.js';
import { type ServerOptions, serverClient } from './server-client.js';

export interface SubmitCommandOptions extends ServerOptions {
  readonly json?: boolean;
  readonly color?: boolean;
  readonly detach?: boolean;
  readonly idempotencyKey?: string;
}

function ended(reporter: RunReporter, exitCode: number, reason: string): number {
  reporter.emit({ type: 'run-finished', exitCode, reason, summary: [] });
  reporter.close();
  return exitCode;
}

/** A refused submission, told as apply tells it: the plan's issues, or what the host said. */
function refused(reporter: RunReporter, file: string, error: ClientError): number {
  if (error.kind === 'invalid-plan') {
    const issues = error.issues.map((issue) => ({ file, ...issue }));
    reporter.emit({
      type: 'input-invalid',
      issues: issues.length ? issues : [{ file, path: '', message: error.message }],
    });
  } else {
    const targets = error.kind === 'forbidden' && error.targets.length ? error.targets : [];
    reporter.emit({ type: 'notice', message: `the host refused the plan: ${error.message}` });
    for (const target of targets)
      reporter.emit({ type: 'notice', message: `  outside the token's scopes: ${target.provider}:${target.target}` });
  }
  return ended(reporter, exitCodeOfClientError(error), 'the plan was not queued, nothing was started');
}

async function submitFile(client: ChangeplaneClient, file: string, options: SubmitCommandOptions) {
  const text = await readFile(file, 'utf8').catch((cause: NodeJS.ErrnoException) => cause);
  if (typeof text !== 'string')
    return { problem: `${file}: the plan file cannot be read (${text.code ?? text.message})` };
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
  const key = options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {};
  return { submitted: await client.submit(text, { format, ...key }) };
}

/**
 * `changeplane submit <plan> --server URL`: sends the plan to a bot host, then (unless `--detach`) shows its
 * place in line and the same live display and summary as `apply`, and exits with apply's exit code.
 */
export async function submitCommand(file: string, options: SubmitCommandOptions): Promise<number> {
  const reporter = createReporter(options);
  const client = serverClient(options);
  if (client.isErr()) {
    reporter.emit({ type: 'notice', message: client.error });
    return ended(reporter, ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  const sent = await submitFile(client.value, file, options);
  if (sent.problem !== undefined) {
    reporter.emit({ type: 'input-invalid', issues: [{ file, path: '', message: sent.problem }] });
    return ended(reporter, ExitCode.invalidInput, 'invalid input, nothing was started');
  }
  if (sent.submitted.isErr()) return refused(reporter, file, sent.submitted.error);
  const accepted = sent.submitted.value;
  if (options.detach) {
    // The id alone on stdout, for `id=$(changeplane submit --detach ...)`; `--json` makes it a JSON line.
    process.stdout.write(options.json ? `${JSON.stringify(accepted)}\n` : `${accepted.id}\n`);
    return ExitCode.success;
  }
  return followHostedRun(client.value, accepted, reporter);
}
