import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { RosProvider } from '@changeplane/ros';
import { parse } from 'yaml';

/** A template file's top level declares the ROS format version (other YAML files in a repository do not). */
const templateMarker = /^\s*"?ROSTemplateFormatVersion"?\s*:/m;

/** Every ROS template (`.yml`, `.yaml`, `.json` with ROSTemplateFormatVersion at its top) under a directory. */
export function findRosTemplates(directory: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      if (name === '.git' || name === 'node_modules') continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/i.test(name) && templateMarker.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  };
  walk(directory);
  return found;
}

interface ParameterDeclaration {
  readonly Type?: unknown;
  readonly Default?: unknown;
  readonly AllowedValues?: unknown;
  readonly MinValue?: unknown;
  readonly MinLength?: unknown;
  readonly AssociationProperty?: unknown;
}

/** A value a person would type for a parameter without a default: an allowed value, else one of its type. */
function plausibleValue(name: string, declaration: ParameterDeclaration): string {
  if (Array.isArray(declaration.AllowedValues) && declaration.AllowedValues.length > 0) {
    const [first] = declaration.AllowedValues;
    return typeof first === 'string' ? first : JSON.stringify(first);
  }
  switch (declaration.Type) {
    case 'Number':
      return String(typeof declaration.MinValue === 'number' ? declaration.MinValue : 1);
    case 'Boolean':
      return 'true';
    case 'CommaDelimitedList':
      return 'a,b';
    case 'Json':
      return '{}';
    default: {
      if (/password/i.test(name)) return 'Emulat0r!Passw0rd';
      const association = String(declaration.AssociationProperty ?? '');
      const base = association.includes('ZoneId')
        ? 'cn-hangzhou-h'
        : association.includes('VpcId')
          ? 'vpc-emulator0000000001'
          : association.includes('VSwitchId')
            ? 'vsw-emulator0000000001'
            : `${name.toLowerCase()}-value`;
      const min = typeof declaration.MinLength === 'number' ? declaration.MinLength : 0;
      return base.padEnd(min, 'x');
    }
  }
}

/** Values for the parameters a template declares without a default (the ones CreateChangeSet requires). */
export function requiredParameters(templateText: string): Record<string, string> {
  let template: unknown;
  try {
    template = parse(templateText, { logLevel: 'silent' });
  } catch {
    return {}; // the emulator will say what is wrong with it
  }
  const declared = (template as { Parameters?: unknown } | null)?.Parameters;
  if (declared === null || typeof declared !== 'object') return {};
  const values: Record<string, string> = {};
  for (const [name, declaration] of Object.entries(declared as Record<string, ParameterDeclaration>)) {
    if (declaration?.Default === undefined || declaration.Default === null)
      values[name] = plausibleValue(name, declaration ?? {});
  }
  return values;
}

export interface TemplateMeasurement {
  readonly file: string;
  readonly accepted: boolean;
  /** The change set id when accepted; the error's kind and message when not. */
  readonly detail: string;
  /** With `execute`: the settled status of the execution, and GetStack's outputs (all, and still unevaluated). */
  readonly executed?: string;
  readonly outputs?: number;
  readonly unevaluatedOutputs?: number;
}

const unevaluated = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  Object.keys(value).some(
    (key) => key === 'Ref' || key.startsWith('Fn::') || unevaluated((value as Record<string, unknown>)[key]),
  );

/**
 * Sends each template's published text through the ROS adapter (a CREATE change set, parameters without a
 * default filled with plausible values) and records whether the change set was created (CREATE_COMPLETE).
 */
export async function measureRosTemplates(
  files: readonly string[],
  /** `endpoint`: the emulator's URL (`http://127.0.0.1:PORT`). */
  connection: { endpoint: string; credentials: { accessKeyId: string; accessKeySecret: string } },
  options: { root?: string; concurrency?: number; execute?: boolean } = {},
): Promise<TemplateMeasurement[]> {
  const client = new ROS.default(
    new $OpenApi.$OpenApiUtil.Config({
      ...connection.credentials,
      endpoint: new URL(connection.endpoint).host,
      protocol: 'http',
      regionId: 'cn-hangzhou',
      readTimeout: 30_000,
      connectTimeout: 30_000,
    }),
  );
  const provider = RosProvider.fromOptions({
    regionId: 'cn-hangzhou',
    endpoint: new URL(connection.endpoint).host,
    protocol: 'http',
    credentials: connection.credentials,
    timeoutMs: 30_000,
    waiter: { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 60_000 },
  });
  const results: TemplateMeasurement[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const index = next++;
      const file = files[index]!;
      const text = readFileSync(file, 'utf8');
      const created = await provider.create({
        changeSetType: 'CREATE',
        regionId: 'cn-hangzhou',
        changeSetName: `measure-${index}`,
        stackName: `measure-${index}`,
        templateBody: text,
        parameters: requiredParameters(text),
        timeoutInMinutes: 60,
      });
      const measurement: TemplateMeasurement = {
        file: options.root ? relative(options.root, file) : file,
        accepted: created.isOk(),
        detail: created.isOk() ? (created.value.changeSetId ?? '') : `${created.error.kind}: ${created.error.message}`,
      };
      if (!options.execute || created.isErr()) {
        results[index] = measurement;
        continue;
      }
      const settled = await provider
        .start(created.value)
        .andThen((started) => provider.waitUntilSettled(started, { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 60_000 }));
      const stackId = created.value.scope.stackId ?? '';
      const stack = await client.getStack(new $Ros.GetStackRequest({ regionId: 'cn-hangzhou', stackId }));
      const outputs = stack.body?.outputs ?? [];
      results[index] = {
        ...measurement,
        executed: settled.isOk() ? settled.value.status : `${settled.error.kind}: ${settled.error.message}`,
        outputs: outputs.length,
        unevaluatedOutputs: outputs.filter((output) => unevaluated(output.OutputValue)).length,
      };
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return results;
}
