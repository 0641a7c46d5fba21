// `pnpm build && node --import tsx test/fidelity/measure-ros-templates.ts <directory> [--execute] [--json out.json]`: every ROS template
// under the directory (e.g. a checkout of github.com/aliyun/ros-templates), sent as its published text through
// the ROS adapter to the ROS emulator as a CREATE change set. Prints how many got a change set and why the
// others did not. With --execute, each change set is also executed and GetStack's outputs are counted.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startRosEmulator } from '@changeplane/emulator';
import { findRosTemplates, measureRosTemplates } from './ros-template-measurement.js';

const args = process.argv.slice(2);
const execute = args.includes('--execute');
const [directory, flag, out] = args.filter((arg) => arg !== '--execute');
if (!directory) {
  console.error('usage: measure-ros-templates <directory> [--json out.json]');
  process.exit(2);
}
const root = resolve(directory);
const files = findRosTemplates(root);
const emulator = await startRosEmulator({ timing: { createMs: 4, executeMs: 4 } });
try {
  const started = Date.now();
  const results = await measureRosTemplates(files, emulator, { root, concurrency: 8, execute });
  const accepted = results.filter((result) => result.accepted).length;
  const refused = results.filter((result) => !result.accepted);
  const percent = files.length === 0 ? 0 : (100 * accepted) / files.length;
  console.log(`${files.length} templates, ${accepted} got a change set (CREATE_COMPLETE), ${percent.toFixed(1)}%`);
  console.log(`${refused.length} refused, in ${((Date.now() - started) / 1_000).toFixed(1)} s:`);
  for (const result of refused) console.log(`  ${result.file}\n    ${result.detail}`);
  if (execute) {
    const executed = results.filter((result) => result.executed === 'succeeded').length;
    const outputs = results.reduce((sum, result) => sum + (result.outputs ?? 0), 0);
    const unevaluated = results.reduce((sum, result) => sum + (result.unevaluatedOutputs ?? 0), 0);
    console.log(
      `executed: ${executed} of ${accepted} succeeded; GetStack outputs: ${outputs}, ${unevaluated} left as declared`,
    );
    for (const result of results.filter((item) => item.executed && item.executed !== 'succeeded'))
      console.log(`  ${result.file}: ${result.executed}`);
  }
  if (flag === '--json' && out)
    writeFileSync(out, `${JSON.stringify({ templates: files.length, accepted, percent, results }, null, 2)}\n`);
} finally {
  await emulator.close();
}
