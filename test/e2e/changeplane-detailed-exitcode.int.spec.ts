import { describe, expect, it } from 'vitest';
import { runPlan, writePlan } from './cli-files.js';
import { runChangeplane } from './run-changeplane.js';

// `plan --detailed-exitcode`, terraform's convention: 0 no changes, 1 any error, 2 changes.
describe('changeplane plan --detailed-exitcode', () => {
  const detailed = { command: 'plan' as const, flags: ['--detailed-exitcode'] };

  describe('having a plan with changes', () => {
    it('should exit 2', async () => {
      expect((await runPlan('examples/plans/demo.yaml', detailed)).code).toBe(2);
    }, 60_000);
  });

  describe('having a usage error', () => {
    it('should exit 1, not 2', async () => {
      const result = await runChangeplane(['plan', 'examples/plans/demo.yaml', '--detailed-exitcode', '--nope']);
      expect(result.stderr).toContain("unknown option '--nope'");
      expect(result.code).toBe(1);
    });
  });

  describe('having a plan file that does not exist', () => {
    it('should exit 1, not 2', async () => {
      const result = await runPlan('/nowhere/plan.yaml', detailed);
      expect(result.code).toBe(1);
      expect(JSON.stringify(result.events)).toContain('no such file');
    });
  });

  describe('having a field of the wrong type', () => {
    it('should exit 1, not 2', async () => {
      const result = await runPlan(writePlan('version: 1\nmarketplace: {changes: 3}\n'), detailed);
      expect(result.code).toBe(1);
      expect(JSON.stringify(result.events)).toContain('marketplace.changes');
    });
  });
});
