/// <reference lib="dom" />
import type { RunView } from '../host/run-view.js';
import type { OverviewBody } from '../http/status-schemas.js';
import { h, keepingFocus } from './page-dom.js';
import { coalesced, followStream, setLive } from './page-live.js';
import { renderOverview } from './page-overview.js';
import { type PageEvent, renderRun } from './page-run.js';
import { getJson } from './page-sse.js';

/** What the page keeps: the token (also in sessionStorage, this tab only) and the view's abort switch. */
export interface PageState {
  token: string | undefined;
  view: AbortController | undefined;
}

/** The page's entry: the token from this tab's session, the routes by hash (`#/`, `#/runs/<id>`). */
export function startStatusPage(): void {
  const state: PageState = { token: sessionStorage.getItem('changeplane.token') ?? undefined, view: undefined };
  window.addEventListener('hashchange', () => route(state));
  document.getElementById('logout')?.addEventListener('click', () => logOut(state, ''));
  route(state);
}

export function mainElement(): HTMLElement {
  return document.getElementById('main') as HTMLElement;
}

/** Shows the view the hash names; the skip link's `#main` keeps the view. */
export function route(state: PageState): void {
  if (location.hash === '#main') return;
  state.view?.abort();
  const view = new AbortController();
  state.view = view;
  const token = state.token;
  (document.getElementById('logout') as HTMLElement).hidden = !token;
  if (!token) {
    showLogin(state, '');
    return;
  }
  const run = /^#\/runs\/([0-9a-f-]{36})$/.exec(location.hash)?.[1];
  const shown = run ? followRun(token, run, view.signal) : followOverview(token, view.signal);
  shown.catch((error: unknown) => {
    if (view.signal.aborted) return;
    if (error instanceof Error && error.message === 'HTTP 401')
      return logOut(state, 'The token was refused: log in again.');
    mainElement().replaceChildren(h('p', { role: 'alert', class: 'error' }, `The page failed: ${String(error)}`));
  });
}

export function showLogin(state: PageState, message: string): void {
  setLive('');
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: '' });
  const form = h(
    'form',
    { class: 'login', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Log in'),
    h('p', {}, 'A token from ', h('code', {}, 'changeplane token create'), '. It stays in this tab (sessionStorage).'),
    h('label', { for: 'token' }, 'Token'),
    input,
    h('button', { type: 'submit' }, 'Log in'),
    message ? h('p', { role: 'alert', class: 'error' }, message) : undefined,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void logIn(state, (input as HTMLInputElement).value.trim());
  });
  mainElement().replaceChildren(form);
  input.focus();
}

/** Keeps the token only when the server accepts it. */
export async function logIn(state: PageState, token: string): Promise<void> {
  try {
    await getJson('/v1/overview', token, new AbortController().signal);
  } catch (error) {
    const refused = error instanceof Error && error.message === 'HTTP 401';
    return showLogin(state, refused ? 'That token was refused (unknown or revoked).' : `No answer: ${String(error)}`);
  }
  sessionStorage.setItem('changeplane.token', token);
  state.token = token;
  route(state);
}

export function logOut(state: PageState, message: string): void {
  sessionStorage.removeItem('changeplane.token');
  state.token = undefined;
  route(state);
  if (message) showLogin(state, message);
}

/** The overview, rendered from the `/v1/stream` overview events. */
export async function followOverview(token: string, signal: AbortSignal): Promise<void> {
  const main = mainElement();
  main.replaceChildren(h('p', {}, 'Loading the overview…'));
  await followStream(
    token,
    '/v1/stream',
    signal,
    (frame) => {
      if (frame.event !== 'overview' || !frame.data) return;
      const overview = JSON.parse(frame.data) as OverviewBody;
      // A frame read as the view was left (log out, another page) must not draw over the new one.
      if (!signal.aborted) keepingFocus(main, () => renderOverview(main, overview));
    },
    async () => false,
  );
}

/** A run's page: the run, re-read when its events say it changed, and its events live from its stream. */
export async function followRun(token: string, id: string, signal: AbortSignal): Promise<void> {
  const main = mainElement();
  const url = `/v1/runs/${id}`;
  let run = await getJson<RunView>(url, token, signal).catch((error: unknown) => {
    if (error instanceof Error && error.message === 'HTTP 404') return undefined;
    throw error;
  });
  if (!run)
    return void main.replaceChildren(h('h1', {}, 'No such run'), h('p', {}, h('a', { href: '#/' }, '← Overview')));
  const events: PageEvent[] = [];
  // Left (log out, another page): a read that ends late, or fails as it is aborted, must not draw over the new view.
  const draw = () => {
    if (!signal.aborted) keepingFocus(main, () => renderRun(main, run!, events));
  };
  const reread = coalesced(async () => {
    run = await getJson<RunView>(url, token, signal).catch(() => run);
    draw();
  });
  draw();
  await followStream(
    token,
    `${url}/events`,
    signal,
    (frame) => {
      events.push({ id: frame.id, type: frame.event, data: JSON.parse(frame.data ?? '{}') as Record<string, unknown> });
      draw();
      void reread();
    },
    async () => {
      await reread();
      const finished = ['succeeded', 'failed', 'cancelled'].includes(run!.state);
      if (finished) setLive('Finished');
      return finished;
    },
  );
}
