import type { RosTemplate } from './ros-template.js';
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

/** The resource changes between two templates, as GetChangeSet's `Changes`. */
export function templateChanges(before: RosTemplate | undefined, after: RosTemplate, parametersChanged: boolean) {
  const previous = declaredResources(before);
  const next = declaredResources(after);
  const change = (action: string, id: string, type: string) => ({
    Type: 'Resource',
    ResourceChange: { Action: action, LogicalResourceId: id, ResourceType: type, Replacement: 'False' },
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
