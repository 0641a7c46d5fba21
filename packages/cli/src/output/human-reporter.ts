import Table from 'cli-table3';
import pc from 'picocolors';
import type { RunEvent, SummaryRow, TaskStatus } from './run-event.js';
import type { RunReporter } from './run-reporter.js';

const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const settledIcons: Partial<Record<TaskStatus, string>> = {
  succeeded: pc.green('✔'),
  validated: pc.green('✔'),
  ready: pc.green('●'),
  'no-changes': pc.dim('○'),
  failed: pc.red('✖'),
  cancelled: pc.yellow('■'),
  skipped: pc.dim('↷'),
  pending: pc.dim('·'),
};

interface TaskLine {
  label: string;
  status: TaskStatus;
  rawStatus?: string;
  detail?: string;
}

/**
 * Output for people: a live task list with spinners while change sets wait (redrawn in place on a
 * terminal, one line per change otherwise), then a summary table.
 */
export class HumanReporter implements RunReporter {
  readonly #out: NodeJS.WriteStream;
  readonly #live: boolean;
  readonly #tasks = new Map<string, TaskLine>();
  #drawnLines = 0;
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(out: NodeJS.WriteStream = process.stdout) {
    this.#out = out;
    this.#live = Boolean(out.isTTY) && process.env.CI === undefined;
  }

  emit(event: RunEvent): void {
    switch (event.type) {
      case 'run-started':
        this.#print(
          `${pc.bold('changeplane')} ${event.command}${event.plan ? ` ${event.plan}` : ''} — ${
            event.mode === 'emulators' ? pc.cyan('embedded emulators (no credentials or endpoint given)') : 'endpoints'
          }`,
        );
        for (const [name, endpoint] of Object.entries(event.endpoints)) this.#print(pc.dim(`  ${name}: ${endpoint}`));
        break;
      case 'notice':
        this.#print(event.message);
        break;
      case 'input-invalid':
        this.#print(pc.red(`invalid input, nothing was started (${event.issues.length} problem(s)):`));
        for (const issue of event.issues) {
          this.#print(
            `  ${issue.file}: ${pc.bold(issue.path || '(file)')}: ${issue.message}${issue.rule ? pc.dim(` [${issue.rule}]`) : ''}`,
          );
        }
        break;
      case 'task-added':
        this.#tasks.set(event.task, { label: event.label, status: 'pending' });
        this.#redraw();
        break;
      case 'task-status': {
        const task = this.#tasks.get(event.task);
        if (!task) break;
        const changed = task.status !== event.status || task.rawStatus !== event.rawStatus;
        task.status = event.status;
        task.rawStatus = event.rawStatus;
        task.detail = event.detail;
        if (changed && !this.#live) this.#print(this.#line(task));
        this.#redraw();
        break;
      }
      case 'task-changes': {
        const task = this.#tasks.get(event.task);
        if (!task || event.changes.length === 0) break;
        this.#clear();
        this.#print(pc.bold(`  ${task.label} will change:`));
        for (const change of event.changes.slice(0, 12)) {
          this.#print(
            `    ${pc.yellow(change.action.padEnd(18))} ${change.target}${change.detail ? pc.dim(` ${change.detail}`) : ''}`,
          );
        }
        if (event.changes.length > 12) this.#print(pc.dim(`    … and ${event.changes.length - 12} more`));
        this.#redraw();
        break;
      }
      case 'task-failed': {
        const task = this.#tasks.get(event.task);
        this.#clear();
        this.#print(pc.red(`  ✖ ${task?.label ?? event.task}: [${event.error.kind}] ${event.error.message}`));
        this.#redraw();
        break;
      }
      case 'run-finished':
        this.#stop();
        this.#summary(event.summary);
        break;
    }
  }

  close(): void {
    this.#stop();
  }

  #line(task: TaskLine): string {
    // A spinner only moves on a live terminal; in a log a plain marker reads better.
    const working = this.#live ? spinnerFrames[this.#frame % spinnerFrames.length]! : '›';
    const icon = settledIcons[task.status] ?? pc.cyan(working);
    const raw = task.rawStatus ? pc.dim(` (${task.rawStatus})`) : '';
    const detail = task.detail ? pc.dim(` — ${task.detail}`) : '';
    return `${icon} ${task.label}  ${task.status}${raw}${detail}`;
  }

  #redraw(): void {
    if (!this.#live) return;
    this.#timer ??= setInterval(() => {
      this.#frame += 1;
      this.#redraw();
    }, 100);
    this.#timer.unref();
    this.#clear();
    const lines = [...this.#tasks.values()].map((task) => this.#line(task));
    if (lines.length > 0) this.#out.write(`${lines.join('\n')}\n`);
    this.#drawnLines = lines.length;
  }

  #clear(): void {
    if (!this.#live || this.#drawnLines === 0) return;
    this.#out.write(`\u001b[${this.#drawnLines}A\u001b[0J`);
    this.#drawnLines = 0;
  }

  #print(text: string): void {
    this.#clear();
    this.#out.write(`${text}\n`);
  }

  #stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    if (this.#live) this.#redraw();
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#drawnLines = 0;
  }

  #summary(rows: readonly SummaryRow[]): void {
    if (rows.length === 0) return;
    const table = new Table({
      head: ['target', 'provider', 'change set', 'changes', 'status', 'detail'],
      style: pc.isColorSupported ? { head: [] } : { head: [], border: [] },
    });
    for (const row of rows) {
      const icon = settledIcons[row.status] ?? '';
      table.push([
        row.label,
        row.provider,
        row.changeSetId ?? '-',
        String(row.changes),
        `${icon} ${row.status}`,
        row.detail ?? '',
      ]);
    }
    this.#out.write(`${table.toString()}\n`);
  }
}
