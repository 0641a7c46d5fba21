/**
 * Ctrl-C in two steps: the first asks the run to start nothing more and stop waiting (it then records and
 * prints what is still running, and exits 130); the second leaves at once, after `leaveNow` has written
 * what is known.
 */
export function handleInterrupts(leaveNow: () => void): {
  readonly signal: AbortSignal;
  /** The first Ctrl-C, when it came another way (at a prompt in raw mode). */
  interrupt(): void;
  dispose(): void;
} {
  const controller = new AbortController();
  const onSignal = () => {
    if (!controller.signal.aborted) {
      process.stderr.write('\ninterrupt: finishing the calls under way; press Ctrl-C again to leave at once\n');
      controller.abort(new Error('interrupted'));
      return;
    }
    leaveNow();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    interrupt: () => controller.abort(new Error('interrupted')),
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
