/// <reference lib="dom" />
import type { RunView } from '../host/run-view.js';
import { badge, facts, h, section, when } from './page-dom.js';
import { taskList } from './page-overview.js';

/** One event of a run as the page keeps it. */
export interface PageEvent {
  readonly id: string | undefined;
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The changes a prepared change set makes, from the run's `task-changes` events (docs/cli-events.md). */
export function plannedChanges(events: readonly PageEvent[]): HTMLElement[] {
  return events
    .filter((event) => event.type === 'task-changes')
    .map((event) => {
      const changes = Array.isArray(event.data.changes) ? (event.data.changes as Record<string, unknown>[]) : [];
      const rows = changes.map((change) =>
        h(
          'li',
          { class: 'change' },
          h('strong', {}, String(change.action ?? '')),
          ' ',
          h('code', {}, String(change.target ?? '')),
          change.detail ? h('span', { class: 'muted detail' }, ` ${String(change.detail).slice(0, 300)}`) : undefined,
        ),
      );
      return h(
        'li',
        { class: 'card', 'data-task': String(event.data.task) },
        h('h3', {}, String(event.data.task)),
        h('ul', { class: 'changes' }, ...rows),
      );
    });
}

/** One line about an event: its type and the fields a reader looks for first. */
export function eventLine(event: PageEvent): HTMLElement {
  const data = event.data;
  const said = [data.task, data.status, data.label, data.message, data.reason]
    .filter((value) => typeof value === 'string' && value !== '')
    .join(' · ');
  const code = typeof data.exitCode === 'number' ? ` (exit ${data.exitCode})` : '';
  return h(
    'li',
    { class: 'event', 'data-event': event.type },
    h('code', {}, event.type),
    typeof data.at === 'string' ? h('span', { class: 'muted' }, ' ', when(data.at)) : undefined,
    ` ${said}${code}`,
  );
}

/** The run's page: its state and facts, change sets, planned changes and events. */
export function renderRun(root: HTMLElement, run: RunView, events: readonly PageEvent[]): void {
  const tasks = taskList(run);
  const log = h('ol', { class: 'events', role: 'log', 'aria-label': 'Events', id: 'events' }, ...events.map(eventLine));
  root.replaceChildren(
    h('p', {}, h('a', { href: '#/', 'data-focus': 'back' }, '← Overview')),
    h(
      'h1',
      { 'data-run-id': run.id },
      'Run ',
      h('code', {}, run.id),
      ' ',
      h('span', { id: 'run-state' }, badge(run.state)),
    ),
    facts([
      ['Tenant', run.tenant],
      ['Submitted by', run.submittedBy],
      ['Place in line', run.position === undefined ? undefined : String(run.position)],
      ['Reason', run.reason],
      ['Exit code', run.exitCode === undefined ? undefined : String(run.exitCode)],
      ['Submitted', when(run.createdAt)],
      ['Started', when(run.startedAt)],
      ['Finished', when(run.finishedAt)],
      ['Locks', run.locks.join(', ')],
    ]),
    h(
      'section',
      { 'aria-labelledby': 'sets-title' },
      h('h2', { id: 'sets-title' }, 'Change sets'),
      tasks ?? h('p', { class: 'empty' }, 'None prepared yet.'),
    ),
    section('planned', 'Planned changes', plannedChanges(events), 'None known yet.'),
    h(
      'section',
      { 'aria-labelledby': 'events-title' },
      h('h2', { id: 'events-title' }, 'Events ', h('span', { class: 'count' }, `(${events.length})`)),
      log,
    ),
  );
}
