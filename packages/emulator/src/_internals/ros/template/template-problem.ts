import { RosError } from '../ros-error.js';
import { parseTemplateText } from './parse-template-text.js';
import { pseudoParameterNames } from './pseudo-parameters.js';
import { isDataSourceType, isResourceType } from './resource-types.js';
import { checkTemplateStructure, type RosTemplate } from './ros-template.js';
import { isInlineTemplate, type TemplateReference, templateReferences } from './template-references.js';
import { isTerraformTransform } from './terraform-workspace.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const keys = (section: unknown) => new Set(isRecord(section) ? Object.keys(section) : []);
const badReference = (name: string, referencer: string) =>
  `The specified reference "${name}" (in ${referencer}) is incorrect.`;

/**
 * A template written into a resource's properties: the TemplateBody of an `ALIYUN::ROS::Stack` or
 * `ALIYUN::ROS::StackGroup` (a mapping, or JSON/YAML text), or any TemplateBody mapping with its own
 * ROSTemplateFormatVersion. It declares its own parameters and resources and is checked on its own.
 */
function nestedTemplate(resource: Record<string, unknown>): unknown {
  if (!isRecord(resource.Properties)) return undefined;
  const body = resource.Properties.TemplateBody;
  if (isInlineTemplate(body)) return body;
  const carriesTemplates = resource.Type === 'ALIYUN::ROS::Stack' || resource.Type === 'ALIYUN::ROS::StackGroup';
  if (carriesTemplates && typeof body === 'string') return parseTemplateText(body);
  return undefined; // computed by a function, or a TemplateURL: the service's to fetch
}

/** Finds a cycle among the resources' dependencies, as `A -> B -> A`. */
function dependencyCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node].join(' -> ');
    state.set(node, 'visiting');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Why a template that parses cannot become a change set (the change set then ends CREATE_FAILED with this
 * reason), if it cannot: resource types of no documented shape, references to names the template does not
 * declare (parameters, resources, Locals, pseudo parameters, conditions, mappings), dependency cycles, and the
 * same for every nested inline `ALIYUN::ROS::Stack` template, checked against its own declarations.
 */
export function templateProblem(template: RosTemplate, where = ''): string | undefined {
  if (isTerraformTransform(template.Transform)) return undefined; // Terraform checks its own workspace
  const resources = isRecord(template.Resources) ? template.Resources : {};
  const locals = isRecord(template.Locals) ? template.Locals : {};
  const parameters = keys(template.Parameters);
  const conditions = keys(template.Conditions);
  const mappings = keys(template.Mappings);
  const refable = (name: string) =>
    parameters.has(name) || name in resources || name in locals || pseudoParameterNames.has(name);
  const attributable = (name: string) => name in resources || name in locals;

  const problemOf = (reference: TemplateReference, referencer: string): string | undefined => {
    switch (reference.kind) {
      case 'Ref':
        return refable(reference.name) ? undefined : badReference(reference.name, referencer);
      case 'Fn::GetAtt':
        return attributable(reference.name) ? undefined : badReference(reference.name, referencer);
      case 'Fn::Sub':
        return (reference.attribute ? attributable(reference.name) : refable(reference.name))
          ? undefined
          : badReference(reference.name, referencer);
      case 'Condition':
        return conditions.has(reference.name)
          ? undefined
          : `The condition "${reference.name}" (in ${referencer}) is not declared in Conditions.`;
      case 'Fn::FindInMap':
        return mappings.has(reference.name)
          ? undefined
          : `The mapping "${reference.name}" (in ${referencer}) is not declared in Mappings.`;
    }
  };
  const firstProblem = (references: TemplateReference[], referencer: string) => {
    for (const reference of references) {
      const problem = problemOf(reference, referencer);
      if (problem) return problem;
    }
    return undefined;
  };

  const edges = new Map<string, Set<string>>();
  for (const [id, declaration] of Object.entries(resources)) {
    const resource: unknown = declaration;
    if (!isRecord(resource)) return `${where}Resource ${id} must be a mapping.`;
    if (!isResourceType(resource.Type, template.Transform))
      return `${where}Resource ${id} has an invalid type: ${String(resource.Type)}.`;
    let nested: unknown;
    try {
      nested = nestedTemplate(resource);
    } catch (error) {
      if (error instanceof RosError) return `${where}Resources.${id} (nested template): ${error.message}`;
      throw error;
    }
    const inline = isRecord(resource.Properties) ? resource.Properties.TemplateBody : undefined;
    const references = templateReferences(resource, {
      skip: (value) => nested !== undefined && value === inline,
    });
    if (typeof resource.Condition === 'string') references.push({ kind: 'Condition', name: resource.Condition });
    const dependsOn = Array.isArray(resource.DependsOn) ? resource.DependsOn : [resource.DependsOn];
    for (const target of dependsOn) {
      if (target === undefined) continue;
      if (typeof target !== 'string' || !(target in resources))
        return `${where}${badReference(String(target), `Resources.${id}.DependsOn`)}`;
    }
    const problem = firstProblem(references, `Resources.${id}`);
    if (problem) return `${where}${problem}`;
    edges.set(
      id,
      new Set([
        ...dependsOn.filter((target): target is string => typeof target === 'string'),
        ...references
          .filter((reference) => reference.kind !== 'Condition' && reference.kind !== 'Fn::FindInMap')
          .map((reference) => reference.name)
          .filter((name) => name in resources),
      ]),
    );
    if (nested !== undefined) {
      try {
        const inner = templateProblem(checkTemplateStructure(nested), `${where}Resources.${id} (nested template): `);
        if (inner) return inner;
      } catch (error) {
        if (error instanceof RosError) return `${where}Resources.${id} (nested template): ${error.message}`;
        throw error;
      }
    }
  }
  for (const [id, declaration] of Object.entries(locals)) {
    const local: unknown = declaration;
    if (!isRecord(local)) return `${where}Locals.${id} must be a mapping.`;
    if (local.Type !== undefined && local.Type !== 'Eval' && !isDataSourceType(local.Type))
      return `${where}Locals.${id} has an invalid type: ${String(local.Type)} (Eval or a DATASOURCE type).`;
    const problem = firstProblem(templateReferences(local), `Locals.${id}`);
    if (problem) return `${where}${problem}`;
  }
  for (const [id, declaration] of Object.entries(isRecord(template.Outputs) ? template.Outputs : {})) {
    const output: unknown = declaration;
    const references = templateReferences(output);
    if (isRecord(output) && typeof output.Condition === 'string')
      references.push({ kind: 'Condition', name: output.Condition });
    const problem = firstProblem(references, `Outputs.${id}`);
    if (problem) return `${where}${problem}`;
  }
  for (const [id, condition] of Object.entries(isRecord(template.Conditions) ? template.Conditions : {})) {
    const problem = firstProblem(templateReferences(condition, { conditionKey: true }), `Conditions.${id}`);
    if (problem) return `${where}${problem}`;
  }
  const cycle = dependencyCycle(edges);
  if (cycle) return `${where}Circular Dependency Found: ${cycle}.`;
  return undefined;
}
