import { createHash } from 'node:crypto';
import type { RosStack } from './ros-records.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import { rosStateErrors } from './ros-state-errors.js';
import type { RosTemplate } from './template/ros-template.js';

/** A parameter's Default as the text a caller would have sent: lists comma-joined, Json as JSON. */
function defaultText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** What a CreateChangeSet ClientToken stands for: the same token with other parameters is a mismatch. */
export function createFingerprint(params: RosRequestParameters): string {
  const named = ['ChangeSetName', 'StackName', 'StackId', 'TemplateBody', 'TemplateURL', 'TemplateId'];
  return createHash('sha256')
    .update(JSON.stringify([...named.map((name) => params.get(name)), params.objects('Parameters')]))
    .digest('hex');
}

/**
 * The change set's parameter values: declared ones only; each given, else kept from the stack
 * (UsePreviousParameters), else its Default; a declared one with none of these is missing.
 */
export function resolveParameters(
  template: RosTemplate,
  params: RosRequestParameters,
  stack: RosStack | undefined,
): Record<string, string> {
  const given = Object.fromEntries(
    params.objects('Parameters').map((entry) => [entry.ParameterKey!, entry.ParameterValue!]),
  );
  const declared = template.Parameters ?? {};
  for (const key of Object.keys(given)) {
    if (!(key in declared)) throw rosStateErrors.unknownParameter(key);
  }
  const previous = params.boolean('UsePreviousParameters') && stack !== undefined ? stack.parameters : {};
  const parameters: Record<string, string> = {};
  for (const [key, definition] of Object.entries(declared)) {
    const value = given[key] ?? previous[key] ?? defaultText(definition?.Default);
    if (value === undefined) throw rosStateErrors.parameterMissing(key);
    parameters[key] = value;
  }
  return parameters;
}

/** The template text a CreateChangeSet names: its TemplateBody, a stored TemplateId, or (TemplateURL) empty. */
export function templateBodyOf(params: RosRequestParameters, templates: Readonly<Record<string, string>>): string {
  const body = params.get('TemplateBody');
  if (body !== undefined) return body;
  const id = params.get('TemplateId');
  if (id !== undefined) {
    const stored = templates[id];
    if (stored === undefined) throw rosStateErrors.templateNotFound(id, params.get('TemplateVersion'));
    return stored;
  }
  // An emulator cannot fetch a TemplateURL: it stands for an empty template.
  return JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01' });
}
