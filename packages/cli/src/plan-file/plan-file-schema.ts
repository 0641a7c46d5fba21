import { z } from 'zod';
import type { LoadedProvider } from '../providers/loaded-provider.js';

/** A checked plan file: the common fields and one section per provider, by the provider's plan key. */
export interface PlanFile {
  readonly version: 1;
  readonly name?: string;
  readonly [section: string]: unknown;
}

/**
 * The plan file's schema, put together from each provider's section schema. Structure and types are
 * checked here; each provider's own rules are checked by its adapter when the plan becomes requests.
 */
export function planFileSchemaFor(providers: readonly LoadedProvider[]): z.ZodType<PlanFile> {
  const sections = Object.fromEntries(
    providers.map(({ descriptor, runtime }) => [
      descriptor.planSection,
      runtime.sectionSchema.optional().describe(`Change sets for ${descriptor.title}.`),
    ]),
  );
  const keys = providers.map(({ descriptor }) => `\`${descriptor.planSection}\``).join(' or ');
  return z
    .object({
      $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
      version: z.literal(1).describe('The plan-file format version.'),
      name: z.string().optional().describe('Names the run; the default prefix of change-set names.'),
      ...sections,
    })
    .strict()
    .refine((plan) => providers.some(({ descriptor }) => (plan as PlanFile)[descriptor.planSection] !== undefined), {
      message: `a plan needs at least one of ${keys}`,
    }) as unknown as z.ZodType<PlanFile>;
}
