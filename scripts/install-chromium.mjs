#!/usr/bin/env node
// Installs Debian's chromium for the browser tests (test/browser) when /usr/bin/chromium is missing.
// The tests run it themselves, so `npm test` works on a fresh Debian machine. It needs root (apt-get);
// when it cannot install, it exits non-zero with the reason, and the browser tests fail with it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const chromiumPath = '/usr/bin/chromium';

function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) return `apt-get ${args.join(' ')}: ${result.error.message}`;
  if (result.status !== 0)
    return `apt-get ${args.join(' ')} exited ${result.status}: ${result.stderr.trim().slice(-800)}`;
  return undefined;
}

/** Installs chromium when missing; gives undefined when it is there, or the reason it is not. */
export function installChromium() {
  if (existsSync(chromiumPath)) return undefined;
  if (process.platform !== 'linux') return `${chromiumPath} is missing and only Debian's apt-get can install it here`;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return `${chromiumPath} is missing and installing it needs root: run \`sudo apt-get install -y chromium\``;
  }
  const failure = aptGet(['update']) ?? aptGet(['install', '-y', '--no-install-recommends', 'chromium']);
  if (failure) return failure;
  return existsSync(chromiumPath) ? undefined : `apt-get installed chromium but ${chromiumPath} is still missing`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const failure = installChromium();
  if (failure) {
    console.error(`[install-chromium] ${failure}`);
    process.exit(1);
  }
  console.error(`[install-chromium] ${chromiumPath} is ready`);
}
