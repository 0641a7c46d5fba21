#!/usr/bin/env node
// Runs the packed-packages consumer test (test/consumer/packed-packages.int.spec.ts) on other Node majors
// (22 and 24 unless named: `consumer-on-node.mjs 22 24`). Each Node comes from the npm registry's `node` package,
// installed into .tools/node<major> when absent, and is first on PATH for the run, so `npm`, `pnpm`, the
// installed `changeplane` bin and the ESM/CommonJS probes all run on it. Each run writes
// reports/consumer-node<major>.json for scripts/report-summary.mjs; the exit status is 1 when any run fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const majors = process.argv.length > 2 ? process.argv.slice(2) : ['22', '24'];
const spec = 'test/consumer/packed-packages.int.spec.ts';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The path of Node `major` from the npm registry's `node` package, installing it when absent; undefined when that fails. */
function nodeOf(major) {
  const prefix = join(root, '.tools', `node${major}`);
  const binary = join(prefix, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(binary)) {
    console.error(`[consumer] installing node@${major} from the npm registry into .tools/node${major}`);
    const args = ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', prefix, `node@${major}`];
    if (run('npm', args) !== 0) return undefined;
  }
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  if (!version.startsWith(`v${major}.`)) {
    console.error(`[consumer] ${binary} answers "${version}", not Node ${major}`);
    return undefined;
  }
  return { binary, version };
}

// The report decides too: an exit hook in a dependency can turn vitest's failure status into 0.
function reportPassed(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return report.success === true && report.numFailedTests === 0 && report.numPassedTests > 0;
}

let failed = false;
for (const major of majors) {
  const report = join('reports', `consumer-node${major}.json`);
  rmSync(join(root, report), { force: true });
  const node = nodeOf(major);
  if (!node) {
    failed = true; // No report: report-summary.mjs counts the run as failed.
    continue;
  }
  const startedAt = Date.now();
  const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const env = {
    ...process.env,
    PATH: `${dirname(node.binary)}${delimiter}${process.env.PATH ?? ''}`,
    CHANGEPLANE_VITEST_REPORT: report,
  };
  const status = run(node.binary, [vitest, 'run', spec], env);
  const passed = status === 0 && reportPassed(join(root, report));
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  console.error(`[consumer] Node ${node.version}: ${passed ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (!passed) failed = true;
}
process.exit(failed ? 1 : 0);
