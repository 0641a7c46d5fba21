/// <reference lib="dom" />
import type { RunView } from '../host/run-view.js';
import type { HeldLockBody, OverviewBody } from '../http/status-schemas.js';
import { badge, facts, h, section, shortId, when } from './page-dom.js';

/** A link to a run's page, focusable across re-renders. */
export function runLink(id: string, prefix = 'Run'): HTMLElement {
  return h('a', { href: `#/runs/${id}`, 'data-focus': `run-${id}`, class: 'run-link' }, `${prefix} ${shortId(id)}`);
}

/** A card of a run: link, state, and the facts given. */
export function runCard(run: RunView, pairs: readonly (readonly [string, Node | string | undefined])[]): HTMLElement {
  return h(
    'li',
    { class: 'card', 'data-run-id': run.id, 'data-state': run.state },
    h('div', { class: 'card-head' }, runLink(run.id), badge(run.state)),
    facts(pairs),
  );
}

/** The change sets of a running run, each with its provider's status. */
export function taskList(run: RunView): HTMLElement | undefined {
  if (run.tasks.length === 0) return undefined;
  const items = run.tasks.map((task) =>
    h(
      'li',
      { class: 'task', 'data-task': task.task },
      h('span', { class: 'task-label' }, task.label),
      ' ',
      h('span', { class: 'muted' }, task.provider),
      ' ',
      badge(task.status),
      task.changeSetId ? h('code', { class: 'change-set-id' }, task.changeSetId) : undefined,
    ),
  );
  return h('ul', { class: 'tasks', 'aria-label': 'Change sets' }, ...items);
}

/** Who holds or waits for a lock: a link to the run, or "another tenant" for runs the token may not see. */
export function lockParty(party: HeldLockBody['holder']): Node {
  if ('runId' in party) return h('span', {}, runLink(party.runId), ` (${party.tenant})`);
  return h('span', { class: 'muted' }, 'another tenant');
}

export function lockCard(lock: HeldLockBody): HTMLElement {
  const line = lock.waiting.map((party) => h('li', {}, lockParty(party)));
  const changeSet = lock.changeSet
    ? h('span', {}, `${lock.changeSet.provider} `, h('code', {}, lock.changeSet.changeSetId ?? '(no id yet)'))
    : undefined;
  return h(
    'li',
    { class: 'card', 'data-lock': lock.key },
    h('div', { class: 'card-head' }, h('code', { class: 'lock-key' }, lock.key)),
    facts([
      ['Held by', lockParty(lock.holder)],
      ['Since', when(lock.since) || undefined],
      ['Change set', changeSet],
      ['Waiting', line.length > 0 ? h('ol', { class: 'line' }, ...line) : 'nobody'],
    ]),
  );
}

/** The overview: the line, running change sets, held locks and recent runs. */
export function renderOverview(root: HTMLElement, overview: OverviewBody): void {
  const queue = overview.queue.map((run) =>
    runCard(run, [
      ['Tenant', run.tenant],
      ['Place in line', String(run.position ?? '')],
      ['Waits on', run.reason],
      ['Submitted', when(run.createdAt) || undefined],
    ]),
  );
  const running = overview.running.map((run) => {
    const card = runCard(run, [
      ['Tenant', run.tenant],
      ['Started', when(run.startedAt) || undefined],
      ['Now', run.reason],
    ]);
    const tasks = taskList(run);
    if (tasks) card.append(tasks);
    return card;
  });
  const recent = overview.recent.map((run) =>
    runCard(run, [
      ['Tenant', run.tenant],
      ['Finished', when(run.finishedAt) || undefined],
      ['Exit code', run.exitCode === undefined ? undefined : String(run.exitCode)],
      ['Outcome', run.reason],
    ]),
  );
  root.replaceChildren(
    h('h1', {}, 'Host overview'),
    section('queue', 'Queue', queue, 'No run is waiting.'),
    section('running', 'Running', running, 'No run is running.'),
    section('locks', 'Held locks', overview.locks.map(lockCard), 'No lock is held.'),
    section('recent', 'Recent runs', recent, 'No run has finished yet.'),
  );
}
