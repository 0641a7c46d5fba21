import { z } from 'zod';
import { planFileSchemaFor } from '../../plan-file/plan-file-schema.js';
import type { LoadedProvider } from '../../providers/loaded-provider.js';

/** Where the published schema is served from; the `$id` of the JSON Schema and the editors' header. */
const planFileSchemaUrl = 'https://unpkg.com/@changeplane/cli/plan-file.schema.json';

/**
 * The plan file as a JSON Schema (draft-07, which the YAML language server and VS Code read), generated from
 * the zod schema the command validates with, put together from the providers' sections. The input shape:
 * fields with defaults are optional. One rule is not expressible in zod's export and is added here: a plan
 * needs at least one provider's section.
 */
export function planFileJsonSchema(providers: readonly LoadedProvider[]): Record<string, unknown> {
  const generated = z.toJSONSchema(planFileSchemaFor(providers), { target: 'draft-07', io: 'input' }) as Record<
    string,
    unknown
  >;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: planFileSchemaUrl,
    title: 'changeplane plan file',
    ...rest,
    anyOf: providers.map(({ descriptor }) => ({ required: [descriptor.planSection] })),
  };
}
