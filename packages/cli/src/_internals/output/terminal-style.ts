import { createColors } from 'picocolors';

/** What a stream can show: colours, and a live area redrawn in place. */
export interface TerminalStyle {
  readonly colors: ReturnType<typeof createColors>;
  /** Redraw in place (a terminal that moves the cursor); else plain lines, one per change. */
  readonly live: boolean;
  readonly columns: number;
}

/**
 * Colour only on a terminal that wants it (`NO_COLOR`, `--no-color` and `TERM=dumb` turn it off,
 * `FORCE_COLOR` on); a live display only on a terminal that can move the cursor, and never in CI.
 */
export function terminalStyle(
  stream: { isTTY?: boolean; columns?: number },
  env: NodeJS.ProcessEnv,
  options: { color?: boolean } = {},
): TerminalStyle {
  const tty = stream.isTTY === true;
  const dumb = env.TERM === 'dumb';
  const colorWanted =
    options.color !== false && env.NO_COLOR === undefined && (env.FORCE_COLOR !== undefined || (tty && !dumb));
  return {
    colors: createColors(colorWanted),
    live: tty && !dumb && env.CI === undefined,
    columns: Math.max(40, stream.columns ?? 80),
  };
}
