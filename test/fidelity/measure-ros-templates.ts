// `pnpm build && node --import tsx test/fidelity/measure-ros-templates.ts <directory> [--json out.json]`: every ROS template
// under the directory (e.g. a checkout of github.com/aliyun/ros-templates), sent as its published text through
// the ROS adapter to the ROS emulator as a CREATE change set. Prints how many got a change set and why the
// others did not.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startRosEmulator } from '@changeplane/emulator';
import { findRosTemplates, measureRosTemplates } from './ros-template-measurement.js';

const [directory, flag, out] = process.argv.slice(2);
if (!directory) {
  console.error('usage: measure-ros-templates <directory> [--json out.json]');
  process.exit(2);
}
const root = resolve(directory);
const files = findRosTemplates(root);
const emulator = await startRosEmulator({ timing: { createMs: 4, executeMs: 4 } });
try {
  const started = Date.now();
  const results = await measureRosTemplates(files, emulator, { root, concurrency: 8 });
  const accepted = results.filter((result) => result.accepted).length;
  const refused = results.filter((result) => !result.accepted);
  const percent = files.length === 0 ? 0 : (100 * accepted) / files.length;
  console.log(`${files.length} templates, ${accepted} got a change set (CREATE_COMPLETE), ${percent.toFixed(1)}%`);
  console.log(`${refused.length} refused, in ${((Date.now() - started) / 1_000).toFixed(1)} s:`);
  for (const result of refused) console.log(`  ${result.file}\n    ${result.detail}`);
  if (flag === '--json' && out)
    writeFileSync(out, `${JSON.stringify({ templates: files.length, accepted, percent, results }, null, 2)}\n`);
} finally {
  await emulator.close();
}
