/** The command's exit codes: a bot tells outcomes apart by them. */
export const ExitCode = {
  /** Every change set succeeded (or there was nothing to change). */
  success: 0,
  /** At least one change set failed, was cancelled, or was skipped because one it depends on failed. */
  changeSetFailed: 1,
  /** The plan file, the command line, or a template the provider refused is invalid; nothing was started. */
  invalidInput: 2,
  /** An entity or stack was locked by another change set; nothing more was started for it. */
  lockContention: 3,
  /** Anything else: credentials, network, provider faults, timeouts. */
  error: 4,
  /** Interrupted (Ctrl-C): change sets that were running are still running; `status` shows them. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
