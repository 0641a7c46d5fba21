/// <reference lib="dom" />
// The status page's DOM helpers. Like every function under src/page, they run in the browser: the server sends
// their text (page-script.ts), so each may use only its arguments, DOM globals and the other page functions.

type Child = Node | string | undefined | false;

/** An element with attributes (`class`, `href`, `data-*`, ...) and children; falsy children are left out. */
export function h(tag: string, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A state or status as a badge whose class colours it (text too, so colour is never the only sign). */
export function badge(state: string): HTMLElement {
  return h('span', { class: `badge badge-${state.replace(/[^a-z-]/g, '')}`, 'data-state': state }, state);
}

/** A time as the reader's clock shows it, the ISO text kept in `datetime`. */
export function when(iso: string | undefined): Child {
  if (!iso) return undefined;
  return h('time', { datetime: iso }, new Date(iso).toLocaleTimeString());
}

/** A short definition list of label and value pairs; pairs without a value are left out. */
export function facts(pairs: readonly (readonly [string, Child])[]): HTMLElement {
  const list = h('dl', { class: 'facts' });
  for (const [label, value] of pairs) {
    if (value === undefined || value === false || value === '') continue;
    list.append(h('div', {}, h('dt', {}, label), h('dd', {}, value)));
  }
  return list;
}

/** A titled section with a list of cards, or a sentence when there is nothing to list. */
export function section(id: string, title: string, items: readonly HTMLElement[], empty: string): HTMLElement {
  const heading = h('h2', { id: `${id}-title` }, title, ' ', h('span', { class: 'count' }, `(${items.length})`));
  const body = items.length > 0 ? h('ol', { class: 'cards', id }, ...items) : h('p', { class: 'empty', id }, empty);
  return h('section', { 'aria-labelledby': `${id}-title` }, heading, body);
}

/** Re-renders `root` keeping keyboard focus on the same link or button when it is still there. */
export function keepingFocus(root: HTMLElement, render: () => void): void {
  const active = document.activeElement;
  const key = active && root.contains(active) ? active.getAttribute('data-focus') : null;
  render();
  if (key) root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
}

/** The first characters of a run id: enough to tell runs apart on screen. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
