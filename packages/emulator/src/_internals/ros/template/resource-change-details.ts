import { requiresRecreation } from './replacement-properties.js';
import type { RosTemplateResource } from './ros-template.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One ResourceChangeDetail of GetChangeSet (the data-structures page of ROS change sets). */
export interface RosResourceChangeDetail {
  readonly ChangeSource: 'DirectModification' | 'ParameterReference';
  readonly CausingEntity?: string;
  readonly Evaluation: 'Static';
  readonly Target: {
    readonly Attribute: string;
    readonly Name?: string;
    readonly RequiresRecreation: 'Always' | 'Never';
  };
}

/** The parameters a value refers to: `{Ref: P}` and `${P}` in an Fn::Sub text. */
function referencedParameters(value: unknown, names: ReadonlySet<string>, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) referencedParameters(item, names, found);
  else if (isRecord(value)) {
    if (typeof value.Ref === 'string' && names.has(value.Ref)) found.add(value.Ref);
    const sub = value['Fn::Sub'];
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) && typeof sub[0] === 'string' ? sub[0] : '';
    for (const [, name] of text.matchAll(/\$\{([^}!]+)\}/g)) if (name && names.has(name)) found.add(name);
    for (const member of Object.values(value)) referencedParameters(member, names, found);
  }
  return found;
}

/**
 * What changes in a resource kept under the same logical id: one detail per property changed in the template
 * (DirectModification) or whose value refers to a parameter given another value (ParameterReference), and
 * one per other resource attribute changed (Metadata, DependsOn, ...: never a replacement, but Type, which is).
 */
export function resourceChangeDetails(
  type: string,
  before: RosTemplateResource,
  after: RosTemplateResource,
  changedParameters: ReadonlySet<string>,
): RosResourceChangeDetail[] {
  const details: RosResourceChangeDetail[] = [];
  const oldProperties = isRecord(before.Properties) ? before.Properties : {};
  const newProperties = isRecord(after.Properties) ? after.Properties : {};
  for (const name of new Set([...Object.keys(oldProperties), ...Object.keys(newProperties)])) {
    const target = { Attribute: 'Properties', Name: name, RequiresRecreation: requiresRecreation(type, name) };
    if (!same(oldProperties[name], newProperties[name])) {
      details.push({ ChangeSource: 'DirectModification', Evaluation: 'Static', Target: target });
      continue;
    }
    for (const parameter of referencedParameters(newProperties[name], changedParameters)) {
      details.push({
        ChangeSource: 'ParameterReference',
        CausingEntity: parameter,
        Evaluation: 'Static',
        Target: target,
      });
    }
  }
  const attributes = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const attribute of attributes) {
    if (attribute === 'Properties') continue;
    const old = (before as Record<string, unknown>)[attribute];
    const next = (after as Record<string, unknown>)[attribute];
    if (same(old, next)) continue;
    // Another type under the same logical id is another resource.
    const recreation = attribute === 'Type' ? 'Always' : 'Never';
    details.push({
      ChangeSource: 'DirectModification',
      Evaluation: 'Static',
      Target: { Attribute: attribute, RequiresRecreation: recreation },
    });
  }
  return details;
}

/** ResourceChange.Replacement from its details: the change of most impact decides (Always before Never). */
export function replacementOf(details: readonly RosResourceChangeDetail[]): 'True' | 'False' {
  return details.some((detail) => detail.Target.RequiresRecreation === 'Always') ? 'True' : 'False';
}
