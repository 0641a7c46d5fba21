import { err, ok, type Result } from 'neverthrow';
import type { ValidationError } from '../errors/change-set-error.js';
import { createValidationError } from '../errors/create-change-set-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { ChangeSetPlan, PlannedChangeSet } from './planned-change-set.js';
import type { PlannerChange } from './planner-change.js';

export interface PlanOptions {
  /** Changes per change set: the Marketplace allows 20. */
  readonly maxChangesPerSet?: number;
  /** Provider id for the validation error, when the batch cannot be planned. */
  readonly provider?: string;
}

/** Union-find over dense integer ids, with path halving. */
class DisjointSets {
  readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(id: number): number {
    let node = id;
    while (this.parent[node] !== node) {
      this.parent[node] = this.parent[this.parent[node]!]!;
      node = this.parent[node]!;
    }
    return node;
  }
  union(a: number, b: number): number {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[rootB] = rootA;
    return rootA;
  }
}

/**
 * Packs a batch of changes of any size into change sets that obey the Marketplace rules:
 * - at most `maxChangesPerSet` changes per set;
 * - one change type per entity per set;
 * - changes that reference each other (`$ChangeName...`) in one set;
 * - the changes to one entity applied in their original order (a later change never lands in an
 *   earlier set).
 *
 * It works level by level. A change's level is the first at which its entity has not yet taken its change
 * type; all changes to one entity at one level form one unit (so sets of a level never share an entity
 * and can run at once), and units that share a reference group merge. Each level's units are then packed
 * best-fit-decreasing into sets. The number of levels is the least any valid plan can have (the longest
 * chain an entity forces), so a scheduler can finish in `levels` rounds; within that, the set count is the
 * fewest best-fit-decreasing finds. A reference group is placed when its last member is reached.
 */
export function planChangeSets(
  changes: readonly PlannerChange[],
  options: PlanOptions = {},
): Result<ChangeSetPlan, ValidationError> {
  const maxPerSet = options.maxChangesPerSet ?? 20;
  const provider = options.provider ?? 'planner';
  const count = changes.length;
  const issues: ValidationIssue[] = [];

  // Reference groups: changes joined by `$Name` references travel together.
  const indexByName = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.changeName === undefined) return;
    const previous = indexByName.get(change.changeName);
    if (previous === undefined) indexByName.set(change.changeName, index);
    else
      issues.push({
        path: `changes[${index}].changeName`,
        rule: 'unique',
        message: `"${change.changeName}" is also the name of changes[${previous}]; references need unique names`,
      });
  });
  const groups = new DisjointSets();
  for (let index = 0; index < count; index += 1) groups.add();
  let hasGroups = false;
  changes.forEach((change, index) => {
    for (const name of change.references ?? []) {
      const target = indexByName.get(name);
      if (target === undefined) {
        issues.push({
          path: `changes[${index}]`,
          rule: 'reference',
          message: `references $${name}, which no change of the batch is named`,
        });
      } else if (target !== index) {
        groups.union(index, target);
        hasGroups = true;
      }
    }
  });
  const membersByGroup = new Map<number, number[]>();
  if (hasGroups) {
    for (let index = 0; index < count; index += 1) {
      const root = groups.find(index);
      const members = membersByGroup.get(root) ?? [];
      members.push(index);
      membersByGroup.set(root, members);
    }
    for (const [root, members] of membersByGroup) {
      if (members.length === 1) {
        membersByGroup.delete(root);
        continue;
      }
      if (members.length > maxPerSet) {
        issues.push({
          path: `changes[${members[0]}]`,
          rule: 'referenceGroupSize',
          message: `changes ${members.join(', ')} reference each other and must share one change set, but a set holds at most ${maxPerSet}`,
        });
      }
      const seen = new Map<string, number>();
      for (const member of members) {
        const change = changes[member]!;
        if (change.entity === undefined) continue;
        const key = `${change.entity}\u0000${change.changeType}`;
        const first = seen.get(key);
        if (first !== undefined) {
          issues.push({
            path: `changes[${member}]`,
            rule: 'oneChangeTypePerEntity',
            message: `${change.changeType} on ${change.entity} twice (changes[${first}] and changes[${member}]) in one reference group`,
          });
        } else seen.set(key, member);
      }
    }
  }
  if (issues.length > 0) return err(createValidationError(provider, 'plan', issues));

  // Dense ids: entities and change types become integers once, so the hot loop does no string work.
  const entityIds = new Map<string, number>();
  const entityOfChange = new Int32Array(count);
  const typeIds = new Map<string, number>();
  const typeOfChange = new Int32Array(count);
  let entityCount = 0;
  for (let index = 0; index < count; index += 1) {
    const change = changes[index]!;
    let entity = change.entity === undefined ? undefined : entityIds.get(change.entity);
    if (entity === undefined) {
      entity = entityCount++;
      if (change.entity !== undefined) entityIds.set(change.entity, entity);
    }
    entityOfChange[index] = entity;
    let type = typeIds.get(change.changeType);
    if (type === undefined) {
      type = typeIds.size;
      typeIds.set(change.changeType, type);
    }
    typeOfChange[index] = type;
  }

  // Per entity: its last level, the unit it has there, and the change types it took there.
  const lastLevel = new Int32Array(entityCount).fill(-1);
  const unitOfEntity = new Int32Array(entityCount);
  const typesOfEntity: number[][] = new Array(entityCount);
  const units = new DisjointSets();
  const unitSize: number[] = [];
  const levelOfChange = new Int32Array(count);
  const unitOfChange = new Int32Array(count);
  let levels = 0;

  const place = (members: readonly number[]) => {
    let level = 0;
    for (const member of members) {
      const entity = entityOfChange[member]!;
      const last = lastLevel[entity]!;
      if (last < 0) continue;
      const taken = typesOfEntity[entity]!.includes(typeOfChange[member]!);
      level = Math.max(level, taken ? last + 1 : last);
    }
    // Bump the level until the merged unit fits in one set; above every entity's last level units are empty.
    let touched: number[];
    for (;;) {
      touched = [];
      let size = members.length;
      for (const member of members) {
        const entity = entityOfChange[member]!;
        if (lastLevel[entity] !== level) continue;
        const root = units.find(unitOfEntity[entity]!);
        if (!touched.includes(root)) {
          touched.push(root);
          size += unitSize[root]!;
        }
      }
      if (size <= maxPerSet) break;
      level += 1;
    }
    let root = touched[0] ?? units.add();
    let size = touched.length === 0 ? 0 : unitSize[root]!;
    for (const other of touched.slice(1)) {
      size += unitSize[other]!;
      root = units.union(root, other);
    }
    unitSize[root] = size + members.length;
    for (const member of members) {
      const entity = entityOfChange[member]!;
      if (lastLevel[entity] !== level) {
        lastLevel[entity] = level;
        typesOfEntity[entity] = [];
      }
      unitOfEntity[entity] = root;
      typesOfEntity[entity]!.push(typeOfChange[member]!);
      levelOfChange[member] = level;
      unitOfChange[member] = root;
    }
    if (level + 1 > levels) levels = level + 1;
  };

  const lastMemberOf = new Map<number, number>();
  for (const [root, members] of membersByGroup) lastMemberOf.set(root, members[members.length - 1]!);
  const single = [0];
  for (let index = 0; index < count; index += 1) {
    const members = hasGroups ? membersByGroup.get(groups.find(index)) : undefined;
    if (!members) {
      single[0] = index;
      place(single);
    } else if (lastMemberOf.get(groups.find(index)) === index) place(members);
  }

  // Collect each level's units, then pack them best-fit-decreasing: a bin per amount of free room.
  const unitMembers = new Map<number, number[]>();
  const levelUnits: number[][] = Array.from({ length: levels }, () => []);
  for (let index = 0; index < count; index += 1) {
    const root = units.find(unitOfChange[index]!);
    let members = unitMembers.get(root);
    if (!members) {
      members = [];
      unitMembers.set(root, members);
      levelUnits[levelOfChange[index]!]!.push(root);
    }
    members.push(index);
  }

  const sets: PlannedChangeSet[] = [];
  for (let level = 0; level < levels; level += 1) {
    const ordered = levelUnits[level]!.map((root) => unitMembers.get(root)!).sort((a, b) => b.length - a.length);
    const bins: number[][] = [];
    const binsWithRoom: number[][] = Array.from({ length: maxPerSet + 1 }, () => []);
    for (const members of ordered) {
      let target: number | undefined;
      for (let room = members.length; room <= maxPerSet && target === undefined; room += 1) {
        target = binsWithRoom[room]!.pop();
      }
      if (target === undefined) {
        bins.push([]);
        target = bins.length - 1;
      }
      const bin = bins[target]!;
      for (const member of members) bin.push(member);
      const room = maxPerSet - bin.length;
      if (room > 0) binsWithRoom[room]!.push(target);
    }
    for (const bin of bins) {
      bin.sort((a, b) => a - b);
      const entities = new Set<string>();
      for (const index of bin) {
        const entity = changes[index]!.entity;
        if (entity !== undefined) entities.add(entity);
      }
      sets.push({ index: sets.length, level, changeIndexes: bin, entities: [...entities].sort() });
    }
  }
  return ok({ sets, levels });
}
