import { err, ok, type Result } from 'neverthrow';
import type { ValidationIssue } from '../../errors/validation-issue.js';
import type { PlanningPolicy } from '../../planner/planning-policy.js';
import { DisjointSets } from './disjoint-sets.js';

/** Changes linked through group keys, which must share a set. Only groups of two or more are listed. */
export interface ChangeGroups {
  readonly count: number;
  /** The group of each change, or -1 for a change that travels alone. */
  readonly groupOf: Int32Array;
  /** Members of group g are `members[start[g]..start[g+1])`, in batch order. */
  readonly start: Int32Array;
  readonly members: Int32Array;
}

/** Phase 1: reference groups. Every unknown link, repeated key, oversized group and in-group conflict at once. */
export function findChangeGroups<Change>(
  changes: readonly Change[],
  policy: PlanningPolicy<Change>,
): Result<ChangeGroups | undefined, ValidationIssue[]> {
  const { groupKey, groupLinks } = policy;
  if (!groupKey && !groupLinks) return ok(undefined);
  const count = changes.length;
  const issues: ValidationIssue[] = [];
  // One pass over the batch: names checked for uniqueness, links kept for the changes that have some (most
  // batches have few or none, and then no union-find is built at all).
  const indexByKey = new Map<string, number>();
  const linking: number[] = [];
  const linksOf: (readonly string[])[] = [];
  for (let index = 0; index < count; index += 1) {
    const change = changes[index]!;
    const key = groupKey?.(change);
    if (key !== undefined) {
      const previous = indexByKey.get(key);
      if (previous === undefined) indexByKey.set(key, index);
      else
        issues.push({
          path: `changes[${index}].changeName`,
          rule: 'unique',
          message: `"${key}" is also the name of changes[${previous}]; references need unique names`,
        });
    }
    const links = groupLinks?.(change);
    if (links !== undefined && links.length > 0) {
      linking.push(index);
      linksOf.push(links);
    }
  }
  if (linking.length === 0) return issues.length > 0 ? err(issues) : ok(undefined);
  const sets = new DisjointSets(count);
  for (let index = 0; index < count; index += 1) sets.add();
  let linked = false;
  for (let position = 0; position < linking.length; position += 1) {
    const index = linking[position]!;
    for (const key of linksOf[position]!) {
      const target = indexByKey.get(key);
      if (target === undefined) {
        issues.push({
          path: `changes[${index}]`,
          rule: 'reference',
          message: `references $${key}, which no change of the batch is named`,
        });
      } else if (target !== index) {
        sets.union(index, target);
        linked = true;
      }
    }
  }
  if (!linked) return issues.length > 0 ? err(issues) : ok(undefined);

  // Dense group ids for roots with two or more members, members listed by a counting sort.
  const rootSize = new Int32Array(count);
  for (let index = 0; index < count; index += 1) rootSize[sets.find(index)]! += 1;
  const groupOfRoot = new Int32Array(count).fill(-1);
  let groups = 0;
  for (let root = 0; root < count; root += 1) if (rootSize[root]! > 1) groupOfRoot[root] = groups++;
  const groupOf = new Int32Array(count).fill(-1);
  const start = new Int32Array(groups + 1);
  for (let index = 0; index < count; index += 1) {
    const group = groupOfRoot[sets.find(index)]!;
    groupOf[index] = group;
    if (group >= 0) start[group + 1]! += 1;
  }
  for (let group = 0; group < groups; group += 1) start[group + 1]! += start[group]!;
  const members = new Int32Array(start[groups]!);
  const cursor = start.slice(0, groups);
  for (let index = 0; index < count; index += 1) {
    const group = groupOf[index]!;
    if (group >= 0) members[cursor[group]!++] = index;
  }

  const conflictRule = policy.conflictRule ?? 'conflict';
  for (let group = 0; group < groups; group += 1) {
    const from = start[group]!;
    const to = start[group + 1]!;
    if (to - from > policy.capacity) {
      issues.push({
        path: `changes[${members[from]}]`,
        rule: 'referenceGroupSize',
        message: `changes ${Array.from(members.subarray(from, to)).join(', ')} reference each other and must share one change set, but a set holds at most ${policy.capacity}`,
      });
    }
    const seen = new Map<string, number>();
    for (let position = from; position < to; position += 1) {
      const member = members[position]!;
      const change = changes[member]!;
      const order = policy.orderKey(change);
      const conflict = policy.conflictKey(change);
      if (order === undefined || conflict === undefined) continue;
      const key = `${order}\u0000${conflict}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({
          path: `changes[${member}]`,
          rule: conflictRule,
          message: `${conflict} on ${order} twice (changes[${first}] and changes[${member}]) in one reference group`,
        });
      } else seen.set(key, member);
    }
  }
  return issues.length > 0 ? err(issues) : ok({ count: groups, groupOf, start, members });
}
