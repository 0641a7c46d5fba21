import { physicalId } from './evaluate-outputs.js';
import { replacementOf, resourceChangeDetails } from './resource-change-details.js';
import type { RosTemplate, RosTemplateResource } from './ros-template.js';
import { isTerraformTransform, terraformResources } from './terraform-workspace.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The resources a template declares, by logical id: its Resources, or a Terraform workspace's resource blocks. */
export function declaredResources(template: RosTemplate | undefined): Map<string, { type: string; body: string }> {
  const found = new Map<string, { type: string; body: string }>();
  if (template === undefined) return found;
  if (isTerraformTransform(template.Transform) && isRecord(template.Workspace)) {
    for (const { id, type } of terraformResources(template.Workspace)) {
      found.set(id, { type, body: JSON.stringify(template.Workspace) });
    }
    return found;
  }
  for (const [id, resource] of Object.entries(isRecord(template.Resources) ? template.Resources : {})) {
    found.set(id, { type: String(resource?.Type), body: JSON.stringify(resource) });
  }
  return found;
}

/** What a change set is computed from: the stack's template (none yet for a new stack) and the new one. */
export interface TemplateChangeInputs {
  readonly before: RosTemplate | undefined;
  readonly after: RosTemplate;
  /** Parameters whose value the change set changes. */
  readonly changedParameters: ReadonlySet<string>;
  /** For the resources' physical ids (Modify, Remove). */
  readonly stackId: string;
}

const resourcesOf = (template: RosTemplate | undefined): Record<string, RosTemplateResource> =>
  template && isRecord(template.Resources) ? template.Resources : {};

/**
 * The resource changes between two templates, as GetChangeSet's `Changes` (the data-structures page): Add;
 * Modify with PhysicalResourceId, Replacement, Scope and Details (each property or attribute that changes,
 * and whether it replaces the resource: `replacement-properties.ts`); Remove with PhysicalResourceId. A
 * resource whose definition and parameters are unchanged is not listed. A Terraform stack's changes are its
 * workspace's resource blocks, without Details (ROS gives those only for ROS stacks).
 */
export function templateChanges(inputs: TemplateChangeInputs): object[] {
  const { before, after, changedParameters, stackId } = inputs;
  if (isTerraformTransform(after.Transform)) return terraformChanges(before, after, changedParameters.size > 0);
  const previous = resourcesOf(before);
  const next = resourcesOf(after);
  const changes: object[] = [];
  const resourceChange = (ResourceChange: object) => changes.push({ Type: 'Resource', ResourceChange });
  for (const [id, resource] of Object.entries(next)) {
    const type = String(resource?.Type);
    const old = previous[id];
    if (!old) {
      resourceChange({ Action: 'Add', LogicalResourceId: id, ResourceType: type });
      continue;
    }
    const details = resourceChangeDetails(type, old, resource ?? {}, changedParameters);
    if (details.length === 0) continue;
    resourceChange({
      Action: 'Modify',
      LogicalResourceId: id,
      PhysicalResourceId: physicalId(stackId, id, old.Type),
      ResourceType: type,
      Replacement: replacementOf(details),
      Scope: [...new Set(details.map((detail) => detail.Target.Attribute))],
      Details: details,
    });
  }
  for (const [id, resource] of Object.entries(previous)) {
    if (id in next) continue;
    const type = String(resource?.Type);
    resourceChange({
      Action: 'Remove',
      LogicalResourceId: id,
      PhysicalResourceId: physicalId(stackId, id, type),
      ResourceType: type,
    });
  }
  return changes;
}

/** A Terraform workspace's resource blocks added, changed (with the workspace or parameters) or removed. */
function terraformChanges(before: RosTemplate | undefined, after: RosTemplate, parametersChanged: boolean) {
  const previous = declaredResources(before);
  const next = declaredResources(after);
  const change = (action: string, id: string, type: string) => ({
    Type: 'Resource',
    ResourceChange: {
      Action: action,
      LogicalResourceId: id,
      ResourceType: type,
      ...(action === 'Modify' ? { Replacement: 'False' } : {}),
    },
  });
  const changes = [];
  for (const [id, resource] of next) {
    const old = previous.get(id);
    if (!old) changes.push(change('Add', id, resource.type));
    else if (parametersChanged || old.body !== resource.body) changes.push(change('Modify', id, resource.type));
  }
  for (const [id, resource] of previous) if (!next.has(id)) changes.push(change('Remove', id, resource.type));
  return changes;
}
