import * as app from './page-app.js';
import * as dom from './page-dom.js';
import * as live from './page-live.js';
import * as overview from './page-overview.js';
import * as run from './page-run.js';
import * as sse from './page-sse.js';

/**
 * The status page's script: the text of every function the page modules export, in one closure that starts the
 * page. The page's TypeScript is compiled with the server (tsc, no bundler): its modules export only functions
 * that use their arguments, DOM globals and each other by name, so their compiled text runs as it is in the
 * browser. Served from the server's own code, so nothing is fetched from elsewhere at run time.
 */
export function statusPageScript(): string {
  const functions = [dom, sse, live, overview, run, app].flatMap((module) =>
    Object.values(module).filter((value): value is (...args: never[]) => unknown => typeof value === 'function'),
  );
  const declarations = functions.map((fn) => fn.toString()).join('\n\n');
  return `(() => {\n'use strict';\n${declarations}\n\nstartStatusPage();\n})();\n`;
}
