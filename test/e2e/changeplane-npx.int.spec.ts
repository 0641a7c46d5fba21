import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isolatedEnv, repositoryRoot } from './run-changeplane.js';

describe('npx changeplane in the checkout', () => {
  it('should run the built command of the workspace, never one from the registry', () => {
    // --no: npx must not offer to download a package called changeplane; the workspace's own bin answers.
    const result = spawnSync('npx', ['--no', '--', 'changeplane', '--version'], {
      cwd: repositoryRoot,
      env: isolatedEnv(),
      encoding: 'utf8',
    });
    const { version } = JSON.parse(readFileSync(`${repositoryRoot}/packages/cli/package.json`, 'utf8')) as {
      version: string;
    };
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(version);
    expect(result.status).toBe(0);
  }, 60_000);
});
