/** The status page's HTML: a skip link, the header with the live indicator, and the main region the script fills. */
export function statusPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>changeplane host</title>
<link rel="stylesheet" href="/assets/status-page.css">
<script src="/assets/status-page.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="top">
<a class="brand" href="#/">changeplane host</a>
<nav aria-label="Main"><a href="#/">Overview</a> <button type="button" id="logout" hidden>Log out</button></nav>
<p id="live" class="live" role="status" aria-live="polite"></p>
</header>
<main id="main" tabindex="-1"><noscript>The status page needs JavaScript.</noscript></main>
</body>
</html>
`;
}

/** The page's styles: one column of cards that wrap, so nothing scrolls sideways on a phone; visible focus. */
export function statusPageCss(): string {
  return `:root { color-scheme: light dark; --fg: #1b1f24; --bg: #f6f7f9; --card: #fff; --muted: #57606a; --line: #d0d7de;
  --accent: #0b5cad; --ok: #1a7f37; --bad: #b42318; --wait: #8a5a00; --run: #0b5cad; font: 16px/1.45 system-ui, sans-serif; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --card: #161b22; --muted: #9da7b3; --line: #30363d;
  --accent: #58a6ff; --ok: #3fb950; --bad: #f85149; --wait: #d29922; --run: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--card); padding: 0.5rem 1rem; z-index: 1; }
.skip-link:focus { top: 0.5rem; }
.top { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); background: var(--card); }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); }
.top nav { display: flex; gap: 1rem; align-items: center; }
.live { margin: 0 0 0 auto; color: var(--muted); font-size: 0.9rem; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem; outline: none; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h3 { font-size: 1rem; margin: 0 0 0.25rem; }
.count, .muted { color: var(--muted); font-weight: 400; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr)); }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem; min-width: 0; }
.card-head { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; justify-content: space-between; }
.facts { margin: 0.5rem 0 0; display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; min-width: 0; }
.badge { display: inline-block; border-radius: 999px; padding: 0 0.6rem; font-size: 0.85rem; border: 1px solid currentColor; }
.badge-succeeded, .badge-ready { color: var(--ok); }
.badge-failed, .badge-cancelled { color: var(--bad); }
.badge-queued, .badge-pending, .badge-waiting-for-lock, .badge-creating { color: var(--wait); }
.badge-running, .badge-starting { color: var(--run); }
.tasks, .changes, .line { margin: 0.5rem 0 0; padding-left: 1.25rem; }
.events { padding-left: 1.5rem; font-size: 0.9rem; }
.change-set-id { margin-left: 0.5rem; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; }
.empty { color: var(--muted); }
.error { color: var(--bad); }
.login { display: grid; gap: 0.5rem; max-width: 28rem; }
input, button { font: inherit; padding: 0.5rem 0.75rem; border-radius: 6px; border: 1px solid var(--line); background: var(--card); color: var(--fg); }
button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); }
#logout { background: transparent; color: var(--accent); padding: 0.25rem 0.5rem; }
`;
}
