import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { repositoryRoot } from '../e2e/run-changeplane.js';

const chromiumPath = '/usr/bin/chromium';

/**
 * Debian's chromium, installed by scripts/install-chromium.mjs when missing. A machine where it cannot be
 * installed fails the browser tests with the reason: they are never skipped.
 */
export function ensureChromium(): void {
  const installed = spawnSync(process.execPath, [join(repositoryRoot, 'scripts/install-chromium.mjs')], {
    encoding: 'utf8',
  });
  if (installed.status !== 0) {
    throw new Error(`the browser tests need ${chromiumPath}, and installing it failed: ${installed.stderr.trim()}`);
  }
}

/** Headless Debian chromium with a fresh profile, nothing of its own on the network, at the given viewport. */
export function launchChromium(width: number, height: number): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'changeplane-chromium-')), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width, height },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
