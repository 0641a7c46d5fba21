import type { ProviderDescriptor } from '@changeplane/core/adapter';
import { ExitCode } from '../../exit-codes.js';
import { builtinDescriptors } from '../../providers/builtin-descriptors.js';
import { loadProviders } from '../../providers/loaded-provider.js';
import { planFileJsonSchema } from '../plan-file/plan-file-json-schema.js';

/** `changeplane schema`: prints the plan file's JSON Schema (the one published as `@changeplane/cli/plan-file.schema.json`). */
export async function schemaCommand(
  write: (text: string) => void = (text) => process.stdout.write(text),
  descriptors: readonly ProviderDescriptor[] = builtinDescriptors,
): Promise<number> {
  const schema = planFileJsonSchema(await loadProviders(descriptors));
  write(`${JSON.stringify(schema, null, 2)}\n`);
  return ExitCode.success;
}
