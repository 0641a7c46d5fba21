/**
 * `changeplane ... --json | head -1`: once the reader of stdout has gone (EPIPE), what is left to print has
 * no one to read it. The command still finishes what it started (a plan removes what it prepared), prints
 * nothing more to stdout, and ends quietly with exit 0 instead of an unhandled `write EPIPE`.
 */
export function quietOnClosedStdout(stdout: NodeJS.WriteStream = process.stdout): void {
  let gone = false;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || (gone && error.code === 'ERR_STREAM_DESTROYED')) {
      gone = true;
      return;
    }
    throw error;
  });
  // The error of the last write may arrive after the command has returned its code: decide at exit.
  process.on('exit', () => {
    if (gone) process.exitCode = 0;
  });
}
