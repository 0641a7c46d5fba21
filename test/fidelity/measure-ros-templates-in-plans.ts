// `pnpm build && node --import tsx test/fidelity/measure-ros-templates-in-plans.ts <directory>`: every ROS
// template under the directory (e.g. a checkout of github.com/aliyun/ros-templates) sent three ways through
// the ROS adapter to the ROS emulator as a CREATE change set: as its published text; embedded in a plan file
// as YAML text (`template: |-`); and embedded inline, its YAML (with its `!Ref`, `!GetAtt`, ... tags) or JSON
// under `template:`, read by the plan loader; and inline again with every long form (`{Fn::GetAtt: [A, B]}`)
// rewritten as its short form (`!GetAtt A.B`), as ROS users write YAML. Prints how many got a change set each
// way and why the others did not: the plan loader must not lose a template that passes as text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { startRosEmulator } from '@changeplane/emulator';
import { type RosChangeSetRequest, RosProvider } from '@changeplane/ros';
import { Document, isMap, isScalar, isSeq, parse, visit } from 'yaml';
import { loadPlanFile } from '../../packages/cli/src/plan-file/load-plan-file.js';
import { planFileSchemaFor } from '../../packages/cli/src/plan-file/plan-file-schema.js';
import { builtinDescriptors } from '../../packages/cli/src/providers/builtin-descriptors.js';
import { loadProviders } from '../../packages/cli/src/providers/loaded-provider.js';
import { findRosTemplates, requiredParameters } from './ros-template-measurement.js';

const ways = ['text', 'plan-text', 'plan-inline', 'plan-short-forms'] as const;
type Way = (typeof ways)[number];

/** The template's lines under `template:` in a plan file (a leading `---` dropped: it would end the plan). */
const indented = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/^---[^\n]*\n/, '')
    .split('\n')
    .map((line) => (line.length > 0 ? `        ${line}` : line))
    .join('\n');

/** The template as YAML with each `{Ref: x}` / `{'Fn::Name': v}` written `!Ref x` / `!Name v`. */
function withShortForms(text: string): string {
  const document = new Document(parse(text, { logLevel: 'silent' }));
  const functionOf = (node: unknown) => {
    if (!isMap(node) || node.items.length !== 1) return undefined;
    const [pair] = node.items;
    const key = isScalar(pair?.key) ? String(pair.key.value) : '';
    const name = key === 'Ref' ? 'Ref' : key.startsWith('Fn::') ? key.slice(4) : undefined;
    return name && pair?.value ? { name, value: pair.value } : undefined;
  };
  visit(document, {
    Map(_key, map) {
      const call = functionOf(map);
      // A node has one tag: a function whose argument is itself a function keeps its long form (as ROS asks).
      if (!call || functionOf(call.value) || !(isScalar(call.value) || isSeq(call.value) || isMap(call.value)))
        return undefined;
      const { name, value } = call;
      // `!GetAtt A.B` when the resource name has no dot, as people write it; the list form otherwise.
      if (name === 'GetAtt' && isSeq(value) && value.items.length === 2 && value.items.every(isScalar)) {
        const [resource, attribute] = value.items.map((item) => (item as { value: unknown }).value);
        if (typeof resource === 'string' && typeof attribute === 'string' && !resource.includes('.')) {
          const short = document.createNode(`${resource}.${attribute}`);
          short.tag = '!GetAtt';
          return short;
        }
      }
      value.tag = `!${name}`;
      return value;
    },
  });
  return document.toString({ lineWidth: 0 });
}

const planText = (way: Exclude<Way, 'text'>, template: string) =>
  `version: 1\nros:\n  stacks:\n    - name: s\n      template:${way === 'plan-text' ? ' |-' : ''}\n${indented(way === 'plan-short-forms' ? withShortForms(template) : template)}\n`;

const directory = process.argv[2];
if (!directory) {
  console.error('usage: measure-ros-templates-in-plans <directory>');
  process.exit(2);
}
const root = resolve(directory);
const files = findRosTemplates(root);
const schema = planFileSchemaFor(await loadProviders(builtinDescriptors));
const folder = mkdtempSync(join(tmpdir(), 'changeplane-plans-'));
const emulator = await startRosEmulator({ timing: { createMs: 4, executeMs: 4 } });
const provider = RosProvider.fromOptions({
  regionId: 'cn-hangzhou',
  endpoint: new URL(emulator.endpoint).host,
  protocol: 'http',
  credentials: emulator.credentials,
  timeoutMs: 30_000,
  waiter: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 60_000 },
});

/** The template body a way sends, or why the plan loader refused it. */
async function templateBody(way: Way, index: number, text: string): Promise<{ body?: unknown; refused?: string }> {
  if (way === 'text') return { body: text };
  const file = join(folder, `${index}-${way}.yaml`);
  writeFileSync(file, planText(way, text));
  const loaded = await loadPlanFile(file, schema);
  if (loaded.isErr()) return { refused: `plan file: ${loaded.error[0]!.path}: ${loaded.error[0]!.message}` };
  return { body: (loaded.value.ros as { stacks: { template: unknown }[] }).stacks[0]!.template };
}

const accepted: Record<Way, number> = { text: 0, 'plan-text': 0, 'plan-inline': 0, 'plan-short-forms': 0 };
const refusals: string[] = [];
let next = 0;
const worker = async () => {
  for (let index = next++; index < files.length; index = next++) {
    const text = readFileSync(files[index]!, 'utf8');
    for (const way of ways) {
      const { body, refused } = await templateBody(way, index, text);
      const created = refused
        ? undefined
        : await provider.create({
            changeSetType: 'CREATE',
            regionId: 'cn-hangzhou',
            changeSetName: `m-${index}-${way}`,
            stackName: `m-${index}-${way}`,
            templateBody: body as RosChangeSetRequest['templateBody'],
            parameters: requiredParameters(text),
            timeoutInMinutes: 60,
          });
      if (created?.isOk()) accepted[way] += 1;
      else refusals.push(`${way} ${relative(root, files[index]!)}: ${refused ?? created?._unsafeUnwrapErr().message}`);
    }
  }
};
try {
  await Promise.all(Array.from({ length: 6 }, worker));
} finally {
  await emulator.close();
}
console.log(`${files.length} templates; got a change set:`, accepted);
for (const refusal of refusals.sort()) console.log(`  ${refusal}`);
