import { RosError } from '../ros-error.js';
import { parseTemplateText } from './parse-template-text.js';
import { checkTerraformWorkspace, isTerraformTransform } from './terraform-workspace.js';

export interface RosTemplateResource {
  readonly Type?: unknown;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: unknown;
  readonly Condition?: unknown;
  readonly Count?: unknown;
}

export interface RosTemplateParameter {
  readonly Type?: unknown;
  readonly Default?: unknown;
  readonly NoEcho?: unknown;
}

export interface RosTemplate {
  readonly ROSTemplateFormatVersion: string;
  readonly Description?: unknown;
  readonly Transform?: string;
  readonly Metadata?: Record<string, unknown>;
  readonly Parameters?: Record<string, RosTemplateParameter>;
  readonly Mappings?: Record<string, unknown>;
  readonly Conditions?: Record<string, unknown>;
  readonly Rules?: Record<string, unknown>;
  readonly Locals?: Record<
    string,
    { readonly Type?: unknown; readonly Value?: unknown; readonly Properties?: unknown }
  >;
  readonly Resources?: Record<string, RosTemplateResource>;
  readonly Outputs?: Record<
    string,
    { readonly Value?: unknown; readonly Description?: unknown; readonly Condition?: unknown }
  >;
  readonly Workspace?: Record<string, string>;
}

/** The sections of a ROS template (template structure page), and the ones only a Transform brings. */
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
  'Transform',
  'Workspace',
]);
/** Sections whose value is a mapping of names to declarations. */
const mappingSections = ['Metadata', 'Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs', 'Rules', 'Locals'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const isServerlessTransform = (transform: unknown) => transform === 'Aliyun::Serverless-2018-04-03';

const sectionError = (section: string, why: string) =>
  new RosError('InvalidTemplateSection', 400, `The template section is invalid: ${section} (${why}).`);

/**
 * Checks an already parsed template the way CreateChangeSet does at once: format version, known sections of the
 * right shape, the Transform and, for Terraform, the Workspace. Nested inline stack templates go through this too.
 */
export function checkTemplateStructure(parsed: unknown): RosTemplate {
  if (!isRecord(parsed)) throw new RosError('InvalidSchema', 400, 'The template must be a JSON or YAML mapping.');
  if (parsed.ROSTemplateFormatVersion !== '2015-09-01') {
    throw new RosError(
      'InvalidTemplateVersion',
      400,
      `The template version is invalid: ${String(parsed.ROSTemplateFormatVersion)}.`,
    );
  }
  for (const section of Object.keys(parsed)) {
    if (!sections.has(section))
      throw new RosError('InvalidTemplateSection', 400, `The template section is invalid: ${section}.`);
  }
  for (const section of mappingSections) {
    const value = parsed[section];
    // `Parameters:` with nothing after it is null in YAML, and real templates have it.
    if (value !== undefined && value !== null && !isRecord(value)) throw sectionError(section, 'must be a mapping');
  }
  const transform = parsed.Transform;
  if (transform !== undefined) {
    if (typeof transform !== 'string') throw sectionError('Transform', 'must be a string, not a parameter or function');
    if (!isTerraformTransform(transform) && !isServerlessTransform(transform))
      throw sectionError('Transform', `unsupported transform ${transform}`);
  }
  if (isTerraformTransform(transform)) {
    if (parsed.Resources !== undefined)
      throw sectionError('Resources', 'a Terraform template declares its resources in Workspace');
    checkTerraformWorkspace(parsed.Workspace);
  } else if (parsed.Workspace !== undefined) {
    throw sectionError('Workspace', 'only a Terraform template (Transform Aliyun::Terraform-...) has a Workspace');
  }
  return parsed as unknown as RosTemplate;
}

/** Parses a template body (JSON or YAML text) and checks its structure. */
export function parseRosTemplate(body: string): RosTemplate {
  return checkTemplateStructure(parseTemplateText(body));
}
