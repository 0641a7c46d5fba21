import { describe, expect, it } from 'vitest';
import { runChangeplane } from './run-changeplane.js';

describe('changeplane usage errors', () => {
  const cases = [
    {
      args: ['apply', 'plan.yaml', '--nope'],
      error: "unknown option '--nope'",
      usage: 'changeplane apply [options] <plan>',
    },
    { args: ['plan'], error: "missing required argument 'plan'", usage: 'changeplane plan [options] <plan>' },
    { args: ['frob'], error: "unknown command 'frob'", usage: 'changeplane [options] [command]' },
  ];
  for (const { args, error, usage } of cases) {
    describe(`having \`changeplane ${args.join(' ')}\``, () => {
      it('should exit 2 with the error, the usage line and a pointer to --help, not the whole help', async () => {
        const result = await runChangeplane(args);
        expect(result.code).toBe(2);
        const path = usage.split(' [')[0];
        expect(result.stderr.trim().split('\n')).toEqual([
          `error: ${error}`,
          `Usage: ${usage}`,
          `Run '${path} --help' for details.`,
        ]);
        expect(result.stdout).toBe('');
      });
    });
  }
});
