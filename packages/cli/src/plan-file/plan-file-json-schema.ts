import { z } from 'zod';
import { planFileSchema } from './plan-file-schema.js';

/** Where the published schema is served from; the `$id` of the JSON Schema and the editors' header. */
export const planFileSchemaUrl = 'https://unpkg.com/@changeplane/cli/plan-file.schema.json';

/**
 * The plan file as a JSON Schema (draft-07, which the YAML language server and VS Code read), generated from
 * the zod schema the command validates with. The input shape: fields with defaults are optional. One rule
 * is not expressible in zod's export and is added here: a plan needs `ros` or `marketplace`.
 */
export function planFileJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(planFileSchema, { target: 'draft-07', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: planFileSchemaUrl,
    title: 'changeplane plan file',
    ...rest,
    anyOf: [{ required: ['ros'] }, { required: ['marketplace'] }],
  };
}
