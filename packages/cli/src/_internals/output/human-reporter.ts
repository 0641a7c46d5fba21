import type { JsonValue, PlannedChange } from '@changeplane/core';
import cliTruncate from 'cli-truncate';
import { createLogUpdate } from 'log-update';
import { entitySequences } from './entity-sequences.js';
import type { RunEvent, TaskStatus } from './run-event.js';
import type { RunReporter } from './run-reporter.js';
import { oneLineDetail, shownChange } from './shown-change.js';
import { outputText } from './shown-outputs.js';
import { statusIcons, summaryTable } from './summary-table.js';
import { type TerminalStyle, terminalStyle } from './terminal-style.js';

const spinnerFrames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const settled: ReadonlySet<TaskStatus> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'skipped',
  'no-changes',
  'previewed',
  'not-started',
  'detached',
  'interrupted',
  'ready',
]);

// The first of these means every change set was prepared (and shown): nothing is prepared after it.
const preparedStatuses: ReadonlySet<TaskStatus> = new Set(['starting', 'waiting-for-lock', 'running', 'previewed']);

interface TaskLine {
  label: string;
  status: TaskStatus;
  rawStatus?: string;
  detail?: string;
}

export interface HumanReporterOptions {
  readonly out?: NodeJS.WriteStream;
  readonly err?: NodeJS.WriteStream;
  readonly env?: NodeJS.ProcessEnv;
  /** `--no-color`. */
  readonly color?: boolean;
}

/**
 * Output for people. On a terminal: a live task list (log-update redraws it in place, each line cut to
 * the terminal's width), cleared at the end so only the summary remains. Elsewhere (a pipe, CI,
 * `TERM=dumb`): one plain line per status change. Problems go to stderr.
 */
export class HumanReporter implements RunReporter {
  readonly #out: NodeJS.WriteStream;
  readonly #err: NodeJS.WriteStream;
  readonly #style: TerminalStyle;
  readonly #tasks = new Map<string, TaskLine>();
  readonly #changes = new Map<string, readonly PlannedChange[]>();
  readonly #outputs = new Map<string, Readonly<Record<string, JsonValue>>>();
  #sequencesShown = false;
  readonly #live: ReturnType<typeof createLogUpdate> | undefined;
  #frame = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(options: HumanReporterOptions = {}) {
    this.#out = options.out ?? process.stdout;
    this.#err = options.err ?? process.stderr;
    this.#style = terminalStyle(this.#out, options.env ?? process.env, { color: options.color ?? true });
    this.#live = this.#style.live ? createLogUpdate(this.#out, { showCursor: true }) : undefined;
  }

  emit(event: RunEvent): void {
    const c = this.#style.colors;
    switch (event.type) {
      case 'run-started':
        this.#showStart(event);
        break;
      case 'notice':
        this.#print(event.message);
        break;
      case 'input-invalid':
        this.#showInvalidInput(event);
        break;
      case 'task-added':
        this.#tasks.set(event.task, { label: event.label, status: 'pending' });
        this.#render();
        break;
      case 'task-status':
        this.#showStatus(event);
        break;
      case 'task-changes':
        this.#showChanges(event.task, event.changes);
        break;
      case 'task-outputs':
        this.#outputs.set(event.task, event.outputs);
        break;
      case 'task-failed':
        this.#problem(
          c.red(
            `  ✖ ${this.#tasks.get(event.task)?.label ?? event.task}: [${event.error.kind}] ${event.error.message}`,
          ),
        );
        break;
      case 'confirmation-needed':
        this.#showSequences();
        this.#stopLive();
        this.#print(
          c.bold(
            `\n${event.changeSets} change set(s) with ${event.changes} change(s) will be started, as listed above.`,
          ),
        );
        break;
      case 'run-interrupted':
        this.#showInterrupted(event);
        break;
      case 'run-finished':
        this.#showFinished(event);
        break;
    }
  }

  #showStart(event: Extract<RunEvent, { type: 'run-started' }>): void {
    const c = this.#style.colors;
    this.#print(`${c.bold('changeplane')} ${event.command}${event.plan ? ` ${event.plan}` : ''}`);
    if (event.emulators) {
      const why =
        event.emulators === 'no-credentials'
          ? 'no credentials or endpoint were found for any provider'
          : 'asked for with --emulators or the plan';
      this.#print(c.bold(c.yellow(`⚠ EMULATORS — nothing here reaches a cloud (${why})`)));
    }
    for (const target of event.targets) {
      const kind = target.emulator ? c.yellow('embedded emulator') : `credentials: ${target.credentialSource}`;
      this.#print(c.dim(`  ${target.provider} → ${target.endpoint} (${kind})`));
    }
  }

  #showInvalidInput(event: Extract<RunEvent, { type: 'input-invalid' }>): void {
    const c = this.#style.colors;
    this.#problem(c.red(`invalid input, nothing was started (${event.issues.length} problem(s)):`));
    for (const issue of event.issues) {
      this.#problem(
        `  ${issue.file}: ${c.bold(issue.path || '(file)')}: ${issue.message}${issue.rule ? c.dim(` [${issue.rule}]`) : ''}`,
      );
    }
  }

  #showStatus(event: Extract<RunEvent, { type: 'task-status' }>): void {
    const task = this.#tasks.get(event.task);
    if (!task) return;
    if (preparedStatuses.has(event.status)) this.#showSequences();
    const changed = task.status !== event.status || task.rawStatus !== event.rawStatus;
    task.status = event.status;
    task.rawStatus = event.rawStatus;
    task.detail = event.detail;
    if (changed && !this.#live) this.#print(this.#line(task));
    this.#render();
  }

  #showInterrupted(event: Extract<RunEvent, { type: 'run-interrupted' }>): void {
    const c = this.#style.colors;
    this.#stopLive();
    this.#problem(c.yellow('interrupted: nothing more will be started.'));
    if (event.inFlight.length === 0) return;
    this.#problem(c.yellow('still running in the cloud (`changeplane status` follows them):'));
    for (const item of event.inFlight) this.#problem(`  ${item.label}: change set ${item.changeSetId}`);
    this.#problem('to cancel them:');
    for (const command of event.cancelCommands) this.#problem(`  ${command}`);
  }

  #showFinished(event: Extract<RunEvent, { type: 'run-finished' }>): void {
    const c = this.#style.colors;
    this.#showSequences();
    this.#stopLive();
    if (event.summary.length > 0) this.#out.write(`${summaryTable(event.summary, this.#style)}\n`);
    this.#showOutputs();
    if (event.emulatorRun) this.#print(c.yellow('⚠ emulator run: what ran on an embedded emulator reached no cloud'));
    if (event.exitCode !== 0) this.#problem(`${event.reason} (exit ${event.exitCode})`);
  }

  close(): void {
    this.#stopLive();
  }

  /** A prepared change set's changes, each on one line cut to the width, secret-looking values masked. */
  #showChanges(taskId: string, changes: readonly PlannedChange[]): void {
    const task = this.#tasks.get(taskId);
    if (!task || changes.length === 0) return;
    const c = this.#style.colors;
    this.#changes.set(taskId, changes);
    this.#print(c.bold(`  ${task.label} will change:`));
    for (const change of changes.map(shownChange)) {
      const detail = change.detail ? c.dim(` ${oneLineDetail(change.detail)}`) : '';
      this.#print(cliTruncate(`    ${c.yellow(change.action.padEnd(18))} ${change.target}${detail}`, this.#width()));
    }
  }

  /** Below the summary, per target that gave any: its outputs, one per line cut to the width, secrets masked. */
  #showOutputs(): void {
    const c = this.#style.colors;
    for (const [taskId, outputs] of this.#outputs) {
      this.#print(c.bold(`${this.#tasks.get(taskId)?.label ?? taskId} outputs:`));
      for (const [key, value] of Object.entries(outputs)) {
        this.#print(cliTruncate(`  ${key} = ${oneLineDetail(outputText(value))}`, this.#width()));
      }
    }
  }

  /** Once, when every change set is prepared: the entities whose change sets must run one after another. */
  #showSequences(): void {
    if (this.#sequencesShown) return;
    this.#sequencesShown = true;
    const c = this.#style.colors;
    for (const { entity, sets } of entitySequences(this.#changes)) {
      this.#print(
        c.yellow(`  ${entity} takes ${sets} change sets, one after another (sets that share an entity run in order)`),
      );
    }
  }

  #width(): number {
    return (this.#out.columns ?? this.#style.columns) - 1;
  }

  #line(task: TaskLine): string {
    const c = this.#style.colors;
    // A spinner only moves on a live terminal; in a log a plain marker reads better.
    const working = this.#live ? spinnerFrames[this.#frame % spinnerFrames.length]! : '›';
    const icon = settled.has(task.status) ? (statusIcons[task.status] ?? '›') : c.cyan(working);
    const raw = task.rawStatus ? c.dim(` (${task.rawStatus})`) : '';
    const detail = task.detail ? c.dim(` — ${task.detail}`) : '';
    return `${icon} ${task.label}  ${task.status}${raw}${detail}`;
  }

  #render(): void {
    if (!this.#live) return;
    this.#timer ??= setInterval(() => {
      this.#frame += 1;
      this.#render();
    }, 100);
    this.#timer.unref();
    this.#live([...this.#tasks.values()].map((task) => cliTruncate(this.#line(task), this.#width())).join('\n'));
  }

  /** A line above the live area: the area is cleared, the line written, the area drawn again. */
  #print(text: string): void {
    if (this.#live && this.#timer) {
      this.#live.clear();
      this.#out.write(`${text}\n`);
      this.#render();
    } else {
      this.#out.write(`${text}\n`);
    }
  }

  #problem(text: string): void {
    if (this.#live && this.#timer) this.#live.clear();
    this.#err.write(`${text}\n`);
    if (this.#timer) this.#render();
  }

  /** Ends the live area and removes it: the summary that follows says where everything ended. */
  #stopLive(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#live?.clear();
  }
}
