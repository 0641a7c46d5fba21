import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../e2e/run-changeplane.js';
import { createToken, freshDatabase, type ServeProcess, startServe } from '../e2e/serve-process.js';
import { ensureChromium, launchChromium } from './chromium-browser.js';

const screenshots = join(repositoryRoot, 'reports', 'screenshots');
const entity = `prod-page-${randomUUID().slice(0, 8)}`;
const lockKey = `aws-marketplace:SaaSProduct@1.0/${entity}`;

function planFor(title: string): string {
  return JSON.stringify({
    version: 1,
    name: `page-${title}`,
    marketplace: {
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: { type: 'SaaSProduct@1.0', identifier: entity },
          details: { ProductTitle: title },
        },
      ],
    },
  });
}

/** Records each state the run page's badge shows, in order, as the page changes it. */
async function recordRunStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStates: string[] }).seenStates = seen;
    const record = () => {
      const state = document.querySelector('#run-state [data-state]')?.getAttribute('data-state');
      if (state && seen.at(-1) !== state) seen.push(state);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
    record();
  });
}

const noSideScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the status page in Debian chromium', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ServeProcess;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  const runs: string[] = [];
  const elsewhere: string[] = [];
  const apiCalls: string[] = [];

  const submit = async (title: string) => {
    const response = await fetch(`${server.url}/v1/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: planFor(title),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    ensureChromium();
    mkdirSync(screenshots, { recursive: true });
    database = await freshDatabase();
    server = await startServe(['--store', database.url, '--emulators'], {});
    token = await createToken(database.url, [
      '--tenant',
      'platform',
      '--name',
      'page-bot',
      '--scope',
      'aws-marketplace:*',
    ]);
    context = await launchChromium(1280, 900);
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url)) elsewhere.push(url);
      else if (url.includes('/v1/')) apiCalls.push(url.slice(server.url.length));
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    server?.child.kill('SIGTERM');
    await new Promise((resolve) => server?.child.once('close', resolve));
    await database?.drop();
  }, 60_000);

  describe('having no token', () => {
    it('should show the login form and ask the API nothing', async () => {
      await page.goto(server.url);
      await page.locator('form.login input#token').waitFor();
      expect(await page.locator('label[for="token"]').textContent()).toBe('Token');
      expect(apiCalls).toEqual([]);
    });

    it('should refuse a token the server does not know, and keep nothing', async () => {
      await page.fill('#token', 'cp_not-a-real-token');
      await page.press('#token', 'Enter');
      await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('refused');
      expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
    });
  });

  describe('having a real token and three runs on one entity', () => {
    it('should show the line, the running change set and the held lock with its waiting line, live', async () => {
      await page.fill('#token', token);
      await page.click('button[type="submit"]');
      await page.locator('h1', { hasText: 'Host overview' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('changeplane.token'))).toBe(token);
      const before = apiCalls.length;
      for (const title of ['one', 'two', 'three']) runs.push(await submit(title));
      const [first, second, third] = runs as [string, string, string];
      const started = Date.now();
      await page.locator(`#queue [data-run-id="${third}"]`).waitFor({ timeout: 10_000 });
      await page.locator(`#running [data-run-id="${first}"] .task`).waitFor({ timeout: 10_000 });
      console.log(`[status page] the third run showed in the queue ${Date.now() - started} ms after it was submitted`);
      const card = page.locator(`#queue [data-run-id="${third}"]`);
      expect(await card.textContent()).toContain(`waiting for ${lockKey}`);
      expect(await card.textContent()).toContain('platform');
      const lock = page.locator(`#locks [data-lock="${lockKey}"]`);
      await expect
        .poll(() => lock.locator('.line a').allTextContents())
        .toEqual([`Run ${second.slice(0, 8)}`, `Run ${third.slice(0, 8)}`]);
      expect(await lock.textContent()).toContain(`Run ${first.slice(0, 8)}`);
      await page.screenshot({ path: join(screenshots, 'status-queue.png'), fullPage: true });
      // Live through /v1/stream: the page asked for it once, and nothing else since the runs came.
      expect(apiCalls.slice(before)).toEqual([]);
      expect(apiCalls.filter((call) => call === '/v1/stream')).toHaveLength(1);
    }, 30_000);

    it('should show the last run go from queued to running to succeeded on its page, with its changes and events', async () => {
      const third = runs[2]!;
      await page.click(`#queue [data-run-id="${third}"] a`);
      await page.locator(`h1[data-run-id="${third}"]`).waitFor();
      await recordRunStates(page);
      await page.locator('#run-state [data-state="succeeded"]').waitFor({ timeout: 60_000 });
      const seen = await page.evaluate(() => (window as unknown as { seenStates: string[] }).seenStates);
      expect(seen).toEqual(['queued', 'running', 'succeeded']);
      expect(await page.locator('.tasks .task [data-state]').getAttribute('data-state')).toBe('succeeded');
      expect(await page.locator('#planned .change').first().textContent()).toContain(entity);
      const events = await page
        .locator('#events [data-event]')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-event')));
      expect(events[0]).toBe('run-started');
      expect(events.at(-1)).toBe('run-finished');
      expect(await page.locator('#live').textContent()).toBe('Finished');
      await page.screenshot({ path: join(screenshots, 'status-run.png'), fullPage: true });
    }, 90_000);
  });

  describe('having a 390 px wide screen', () => {
    it('should fit the overview and the run page without scrolling sideways', async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${server.url}/#/`);
      await page.locator('#recent .card').first().waitFor();
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, 'status-queue-390.png'), fullPage: true });
      await page.goto(`${server.url}/#/runs/${runs[2]}`);
      await page.locator('#run-state [data-state="succeeded"]').waitFor();
      expect(await noSideScroll(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(screenshots, 'status-run-390.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
    }, 30_000);
  });

  describe('having only a keyboard', () => {
    const focused = (page: Page) =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return {
          text: element.textContent?.trim() ?? '',
          href: element.getAttribute('href'),
          outline: getComputedStyle(element).outlineStyle,
        };
      });

    it('should reach the skip link, the header and each run with a visible focus, and open a run with Enter', async () => {
      // A fresh document (a hash change alone keeps the focus where it was).
      await page.goto(`${server.url}/#/`);
      await page.reload();
      await page.locator('#recent .card').first().waitFor();
      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({ text: 'Skip to content', outline: 'solid' });
      const stops = [];
      for (let index = 0; index < 4; index += 1) {
        await page.keyboard.press('Tab');
        stops.push(await focused(page));
      }
      expect(stops.map((stop) => stop.text)).toEqual([
        'changeplane host',
        'Overview',
        'Log out',
        expect.stringMatching(/^Run /),
      ]);
      expect(stops.every((stop) => stop.outline === 'solid')).toBe(true);
      const run = stops[3]!.href!;
      await page.keyboard.press('Enter');
      await page.locator(`h1[data-run-id="${run.slice('#/runs/'.length)}"]`).waitFor();
      expect(new URL(page.url()).hash).toBe(run);
    }, 30_000);

    it('should log out with the button and show the login form again, the token gone', async () => {
      await page.locator('#logout').focus();
      await page.keyboard.press('Enter');
      await page.locator('form.login').waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('changeplane.token'))).toBeNull();
    });
  });

  describe('having run it all', () => {
    it('should have fetched nothing from anywhere but the server', () => {
      expect(elsewhere).toEqual([]);
    });
  });
});
