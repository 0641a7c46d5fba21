import { RosError } from './ros-error.js';

export interface RosTemplate {
  readonly ROSTemplateFormatVersion: string;
  readonly Parameters?: Record<string, { Type?: string; Default?: unknown }>;
  readonly Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown>; DependsOn?: unknown }>;
  readonly Outputs?: Record<string, unknown>;
}

const sections = new Set([
  'ROSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Resources',
  'Outputs',
  'Rules',
  'Locals',
  'Workspace',
]);

/** Parses a template body (JSON) and checks what CreateChangeSet checks at once: format, version, sections. */
export function parseRosTemplate(body: string): RosTemplate {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new RosError('InvalidSchema', 400, `The template is not valid JSON: ${(error as Error).message}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new RosError('InvalidSchema', 400, 'The template must be a JSON object.');
  }
  const template = parsed as Record<string, unknown>;
  if (template.ROSTemplateFormatVersion !== '2015-09-01') {
    throw new RosError(
      'InvalidTemplateVersion',
      400,
      `The template version is invalid: ${String(template.ROSTemplateFormatVersion)}.`,
    );
  }
  for (const section of Object.keys(template)) {
    if (!sections.has(section))
      throw new RosError('InvalidTemplateSection', 400, `The template section is invalid: ${section}.`);
  }
  return template as unknown as RosTemplate;
}

/** Why a template that parses cannot become a change set (the change set ends CREATE_FAILED), if it cannot. */
export function templateProblem(template: RosTemplate): string | undefined {
  const resources = template.Resources ?? {};
  const parameters = template.Parameters ?? {};
  for (const [name, resource] of Object.entries(resources)) {
    if (typeof resource?.Type !== 'string' || !/^ALIYUN::[A-Za-z0-9]+::[A-Za-z0-9]+$/.test(resource.Type)) {
      return `Resource ${name} has an invalid type: ${String(resource?.Type)}.`;
    }
  }
  const references: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'Ref' && typeof item === 'string') references.push(item);
        else if (key === 'Fn::GetAtt' && Array.isArray(item) && typeof item[0] === 'string') references.push(item[0]);
        else visit(item);
      }
    }
  };
  visit(resources);
  visit(template.Outputs ?? {});
  for (const reference of references) {
    if (!(reference in resources) && !(reference in parameters) && !reference.startsWith('ALIYUN::')) {
      return `The specified reference "${reference}" is incorrect.`;
    }
  }
  return undefined;
}

/** The resource changes between two templates, as GetChangeSet's `Changes`. */
export function templateChanges(before: RosTemplate | undefined, after: RosTemplate, parametersChanged: boolean) {
  const previous = before?.Resources ?? {};
  const next = after.Resources ?? {};
  const change = (action: string, id: string, type: string | undefined) => ({
    Type: 'Resource',
    ResourceChange: { Action: action, LogicalResourceId: id, ResourceType: type, Replacement: 'False' },
  });
  const changes = [];
  for (const [id, resource] of Object.entries(next)) {
    if (!(id in previous)) changes.push(change('Add', id, resource.Type));
    else if (parametersChanged || JSON.stringify(previous[id]) !== JSON.stringify(resource))
      changes.push(change('Modify', id, resource.Type));
  }
  for (const [id, resource] of Object.entries(previous))
    if (!(id in next)) changes.push(change('Remove', id, resource.Type));
  return changes;
}

/** The emulator's hook for a failing execution: a resource with property `EmulatorOutcome: FAIL`. */
export function failsOnExecution(template: RosTemplate): string | undefined {
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Properties?.EmulatorOutcome === 'FAIL')
      return `Resource ${id} failed to be created (emulated failure).`;
  }
  return undefined;
}
