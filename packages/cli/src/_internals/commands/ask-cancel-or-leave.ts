import { createInterface } from 'node:readline/promises';

/**
 * After Ctrl-C while a hosted run is followed: asks on the terminal whether to cancel the run on the server.
 * Only `y`/`yes` cancels; Enter, the end of input or another Ctrl-C leaves it queued or running.
 */
export async function askCancelOrLeave(
  runId: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<'cancel' | 'leave'> {
  const prompt = createInterface({ input, output, terminal: true });
  const aborted = new AbortController();
  prompt.once('SIGINT', () => aborted.abort());
  prompt.once('close', () => aborted.abort());
  try {
    const answer = await prompt.question(
      `\nCancel run ${runId} on the server? [y/N] (no leaves it queued or running there): `,
      { signal: aborted.signal },
    );
    return /^y(es)?$/i.test(answer.trim()) ? 'cancel' : 'leave';
  } catch {
    output.write('\n');
    return 'leave';
  } finally {
    prompt.close();
  }
}
