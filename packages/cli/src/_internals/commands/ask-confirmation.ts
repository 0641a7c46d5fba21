import { createInterface } from 'node:readline/promises';

/**
 * Asks on the terminal, as terraform does: only `yes` goes ahead. The end of input is a no; Ctrl-C is a
 * no that also interrupts the run (`onInterrupt`).
 */
export async function askConfirmation(
  question: string,
  onInterrupt: () => void,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<boolean> {
  const prompt = createInterface({ input, output, terminal: input.isTTY === true });
  const aborted = new AbortController();
  prompt.once('SIGINT', () => {
    onInterrupt();
    aborted.abort();
  });
  prompt.once('close', () => aborted.abort());
  try {
    const answer = await prompt.question(`${question}\n  Only 'yes' will be accepted to approve.\n  Enter a value: `, {
      signal: aborted.signal,
    });
    return answer.trim() === 'yes';
  } catch {
    output.write('\n');
    return false;
  } finally {
    prompt.close();
  }
}
