import type { ClientError, RunView } from '@changeplane/client';
import { ExitCode } from '../../exit-codes.js';

/** The exit code of a request the host refused or could not answer, as `apply` would end on it. */
export function exitCodeOfClientError(error: ClientError): number {
  switch (error.kind) {
    case 'invalid-plan':
    case 'forbidden':
    case 'bad-request':
    case 'conflict':
    case 'not-found':
      return ExitCode.invalidInput;
    case 'aborted':
      return ExitCode.interrupted;
    default:
      // unauthorized (credentials), network, rate-limited, server: as apply's "anything else".
      return ExitCode.error;
  }
}

/** The exit code of a run that ended: the runner's own (apply's), else by its state. */
export function exitCodeOfRun(run: Pick<RunView, 'state' | 'exitCode'>): number {
  if (run.exitCode !== undefined) return run.exitCode;
  return run.state === 'succeeded' ? ExitCode.success : ExitCode.changeSetFailed;
}
