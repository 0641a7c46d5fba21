import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { planArgs, stateFile } from './cli-files.js';
import { changeplaneBinary, isolatedEnv, repositoryRoot } from './run-changeplane.js';
import { TerminalSession } from './terminal-session.js';

const demo = 'examples/plans/demo.yaml';
const sessions: TerminalSession[] = [];
const terminal = (args: string[], extra: NodeJS.ProcessEnv = {}, columns = 80) => {
  const { CI: _ci, ...env } = isolatedEnv({ TERM: 'xterm-256color', ...extra });
  const session = TerminalSession.start([process.execPath, changeplaneBinary, ...args], {
    columns,
    rows: 50,
    env,
    cwd: repositoryRoot,
  });
  sessions.push(session);
  return session;
};

afterEach(() => {
  for (const session of sessions.splice(0)) session.close();
});

describe('changeplane in a terminal', () => {
  describe('apply without --yes', () => {
    it('should show the changes, ask, and start nothing when the answer is no', async () => {
      const session = terminal(planArgs(demo, { json: false, yes: false }));
      const asked = await session.waitFor('Enter a value:');
      expect(asked).toContain('Do you want to start these change sets?');
      expect(asked).toContain('Add                Vpc ALIYUN::ECS::VPC');
      expect(asked).toContain('UpdateLegalTerms   Offer@1.0/offer-demo18');
      session.send('no', 'Enter');
      expect(await session.exitCode()).toBe(1);
      const screen = session.screen();
      expect(screen).toContain('apply was declined, nothing was started (exit 1)');
      expect(screen).not.toContain('running');
    });

    it('should start everything when the answer is yes', async () => {
      const session = terminal(planArgs(demo, { json: false, yes: false }));
      await session.waitFor('Enter a value:');
      session.send('yes', 'Enter');
      expect(await session.exitCode()).toBe(0);
      const screen = session.screen();
      expect(screen).toMatch(/│ ✔ succeeded/);
      expect(screen).not.toMatch(/✖ failed|not-started/);
    });
  });

  describe('Ctrl-C while change sets run', () => {
    it('should stop, show what is still running and how to cancel it, and exit 130', async () => {
      const state = stateFile();
      const session = terminal(planArgs(demo, { json: false, speed: 'slow', state }));
      await session.waitFor(/running/, 40_000);
      session.send('C-c');
      expect(await session.exitCode()).toBe(130);
      const screen = session.screen();
      expect(screen).toContain('still running in the cloud');
      expect(screen).toContain('changeplane cancel');
      expect(screen).toMatch(/‼ interrupted/);
      expect(screen).not.toMatch(/✖ failed/);
    }, 60_000);
  });

  describe('an 80-column terminal', () => {
    it('should leave only the summary: no stale spinner lines, no second task list, a table that fits', async () => {
      const session = terminal(planArgs(demo, { json: false }));
      expect(await session.exitCode()).toBe(0);
      const lines = session.screen().split('\n');
      // Task-list lines start with a spinner or status icon; the live list is cleared when the run ends.
      const taskListLines = lines.filter((line) => /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏✔●○✖■↷·]\s+(ros stack|marketplace set)/.test(line));
      expect(taskListLines).toEqual([]);
      const tableTop = lines.find((line) => line.startsWith('┌'))!;
      expect(tableTop.endsWith('┐')).toBe(true);
      expect(tableTop.length).toBeLessThanOrEqual(80);
      expect(lines.filter((line) => line.startsWith('┌'))).toHaveLength(1);
    });
  });

  describe('TERM=dumb', () => {
    it('should print plain lines: no cursor movement, no colour', () => {
      const { CI: _ci, ...env } = isolatedEnv({ TERM: 'dumb' });
      const run = spawnSync(
        'script',
        ['-qec', [process.execPath, changeplaneBinary, ...planArgs(demo, { json: false })].join(' '), '/dev/null'],
        { cwd: repositoryRoot, env, encoding: 'utf8', timeout: 60_000 },
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('marketplace set 2/2  succeeded');
      // No escape sequence at all: no cursor movement, no erased lines, no colour.
      expect(stripVTControlCharacters(run.stdout)).toBe(run.stdout);
    });
  });
});
