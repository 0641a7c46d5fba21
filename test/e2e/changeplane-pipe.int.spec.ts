import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planArgs, runPlan, stateFile } from './cli-files.js';
import { changeplaneBinary, isolatedEnv, repositoryRoot } from './run-changeplane.js';

/**
 * `changeplane ... | head -1` (or `| true` with `linesToRead` 0): a real pipe whose reader leaves after
 * that many lines.
 */
function readThenClose(
  args: readonly string[],
  linesToRead: 0 | 1 = 1,
): Promise<{ code: number | null; line: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [changeplaneBinary, ...args], {
      cwd: repositoryRoot,
      env: isolatedEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let line = '';
    let stderr = '';
    if (linesToRead === 0) child.stdout.destroy();
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const end = buffer.indexOf('\n');
      if (end >= 0 && !line) {
        line = buffer.slice(0, end);
        child.stdout.destroy(); // the reader is gone: the next write meets a closed pipe
      }
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, line, stderr }));
  });
}

describe('changeplane --json | head -1', () => {
  for (const command of ['plan', 'apply'] as const) {
    it(`should end ${command} quietly with exit 0 when the reader leaves`, async () => {
      const result = await readThenClose(planArgs('examples/plans/demo.yaml', { command }));
      expect(JSON.parse(result.line)).toMatchObject({ type: 'run-started' });
      expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
      expect(result.code).toBe(0);
    }, 60_000);
  }

  it('should end status quietly (`| true`) with exit 0 when the reader leaves', async () => {
    const state = stateFile();
    expect((await runPlan('examples/plans/demo.yaml', { state, flags: ['--detach'] })).code).toBe(0);
    // status writes its few lines at once: a reader gone before them is the case that meets the closed pipe.
    const result = await readThenClose(['status', '--json', '--state', state], 0);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(result.code).toBe(0);
  }, 60_000);
});
