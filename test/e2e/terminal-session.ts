import { execFileSync, spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * A real terminal for a test: a tmux session of a given size on a private server, running one command
 * with exactly the environment given, read back as a person would see it (capture-pane).
 */
export class TerminalSession {
  readonly #socket: string;
  readonly #name = 'main';

  private constructor(socket: string) {
    this.#socket = socket;
  }

  static start(
    argv: readonly string[],
    options: { columns?: number; rows?: number; env: NodeJS.ProcessEnv; cwd: string },
  ): TerminalSession {
    const socket = `changeplane-test-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const environment = Object.entries(options.env)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${quote(String(value))}`)
      .join(' ');
    // The exit code is printed after the command, and the pane stays open to be read.
    const command = `cd ${quote(options.cwd)} && env -i ${environment} ${argv.map(quote).join(' ')}; echo "EXIT=$?"; sleep 600`;
    execFileSync('tmux', [
      '-L',
      socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(options.columns ?? 80),
      '-y',
      String(options.rows ?? 40),
      command,
    ]);
    return new TerminalSession(socket);
  }

  /** The screen and its scrollback, as text. */
  screen(): string {
    return execFileSync('tmux', ['-L', this.#socket, 'capture-pane', '-p', '-J', '-S', '-1000', '-t', this.#name], {
      encoding: 'utf8',
    });
  }

  /** Waits until the screen shows `text`; fails with the screen after `timeoutMs`. */
  async waitFor(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`the terminal never showed ${String(text)}; it shows:\n${screen}`);
      await sleep(100);
    }
  }

  /** Types keys as tmux names them (`Enter`, `C-c`) or literal text. */
  send(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.#socket, 'send-keys', '-t', this.#name, ...keys]);
  }

  /** The command's exit code, once it has ended. */
  async exitCode(timeoutMs = 60_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.#socket, 'kill-server']);
  }
}
