import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { schemaCommand } from '../../packages/cli/src/_internals/commands/schema-command.js';
import { planFileSchemaFor } from '../../packages/cli/src/plan-file/plan-file-schema.js';
import { builtinDescriptors } from '../../packages/cli/src/providers/builtin-descriptors.js';
import { loadProviders } from '../../packages/cli/src/providers/loaded-provider.js';
import {
  planFileReference,
  planFileSchemaText,
  referenceFile,
  root,
  schemaFile,
} from '../../scripts/plan-file-docs.js';

const committedSchema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(
  committedSchema,
);
const planFileSchema = planFileSchemaFor(await loadProviders(builtinDescriptors));
const plansDir = join(root, 'examples/plans');
const examplePlans = readdirSync(plansDir).filter((file) => /\.ya?ml$/.test(file));

describe('the plan file JSON Schema', () => {
  it('should be committed exactly as the zod schema produces it (run `pnpm docs:generate`)', async () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(await planFileSchemaText());
  });

  it('should be what `changeplane schema` prints', async () => {
    let printed = '';
    expect(await schemaCommand((text) => (printed += text))).toBe(0);
    expect(JSON.parse(printed)).toEqual(committedSchema);
  });

  it('should have a generated plan-file reference that is up to date', async () => {
    expect(readFileSync(referenceFile, 'utf8')).toBe(await planFileReference());
  });

  it.each(examplePlans)('should accept examples/plans/%s, which carries the schema header', (file) => {
    const text = readFileSync(join(plansDir, file), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../packages/cli/plan-file.schema.json');
    const plan = parse(text) as unknown;
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(planFileSchema.safeParse(plan).success).toBe(true);
  });

  it.each([
    ['an unknown field', { version: 1, ros: { stacks: [{ name: 'a', templte: {} }] } }],
    ['neither ros nor marketplace', { version: 1, name: 'empty' }],
    ['a wrong version', { version: 2, ros: { stacks: [{ name: 'a' }] } }],
    ['a concurrency above 100', { version: 1, marketplace: { concurrency: 101, changes: [] } }],
    ['a change without an entity type', { version: 1, marketplace: { changes: [{ changeType: 'X', entity: {} }] } }],
  ])('should refuse %s, as the zod schema does', (_, plan) => {
    expect(validate(plan)).toBe(false);
    expect(planFileSchema.safeParse(plan).success).toBe(false);
  });
});
