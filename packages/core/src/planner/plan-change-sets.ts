import { err, ok, type Result } from 'neverthrow';
import type { ValidationError } from '../errors/change-set-error.js';
import { createValidationError } from '../errors/create-change-set-error.js';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { ChangeSetPlan, PlannedChangeSet } from './planned-change-set.js';
import type { PlannerChange } from './planner-change.js';

/** Options of planChangeSets. */
export interface PlanOptions {
  /** Changes per change set: the Marketplace allows 20. */
  readonly maxChangesPerSet?: number;
  /** Provider id for the validation error, when the batch cannot be planned. */
  readonly provider?: string;
}

/** Adds `unit` to bucket `index`, creating the bucket on first use (buckets are sparse by size). */
function pushToBucket(buckets: number[][], index: number, unit: number): void {
  const bucket = buckets[index];
  if (bucket) bucket.push(unit);
  else buckets[index] = [unit];
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

  // Group changes by unit with counting sorts over dense ids (no per-unit maps: this runs on millions).
  const unitCount = units.parent.length;
  const rootOfChange = new Int32Array(count);
  const unitSizes = new Int32Array(unitCount);
  for (let index = 0; index < count; index += 1) {
    const root = units.find(unitOfChange[index]!);
    rootOfChange[index] = root;
    unitSizes[root] = unitSizes[root]! + 1;
  }
  const unitStart = new Int32Array(unitCount + 1);
  for (let unit = 0; unit < unitCount; unit += 1) unitStart[unit + 1] = unitStart[unit]! + unitSizes[unit]!;
  const members = new Int32Array(count);
  const cursor = unitStart.slice(0, unitCount);
  for (let index = 0; index < count; index += 1) {
    const root = rootOfChange[index]!;
    members[cursor[root]!] = index;
    cursor[root] = cursor[root]! + 1;
  }
  // A unit whose entities change no more after it may run later than its level without lengthening any
  // chain: such units fill the room left in deeper, sparse sets (the hot entities' long tails) instead of
  // needing sets of their own. The rest stay on their level. Buckets by size: sizes are 1..maxPerSet.
  const fixedByLevel: number[][][] = Array.from({ length: levels }, () => []);
  const movableByLevel: number[][] = Array.from({ length: levels }, () => []);
  const pool: number[][] = Array.from({ length: maxPerSet + 1 }, () => []);
  const placed = new Uint8Array(unitCount);
  for (let unit = 0; unit < unitCount; unit += 1) {
    const size = unitSizes[unit]!;
    if (size === 0) continue;
    const level = levelOfChange[members[unitStart[unit]!]!]!;
    let movable = true;
    for (let position = unitStart[unit]!; position < unitStart[unit + 1]! && movable; position += 1) {
      movable = lastLevel[entityOfChange[members[position]!]!] === level;
    }
    if (movable) {
      movableByLevel[level]!.push(unit);
      pool[size]!.push(unit);
    } else pushToBucket(fixedByLevel[level]!, maxPerSet - size, unit);
  }

  const setsByLevel: number[][][] = new Array(levels);
  const binsWithRoom: number[][] = Array.from({ length: maxPerSet + 1 }, () => []);
  const addUnit = (bins: number[][], unit: number) => {
    placed[unit] = 1;
    const size = unitSizes[unit]!;
    // Best fit: the fullest bin that still has room for the whole unit.
    let target: number | undefined;
    for (let room = size; room <= maxPerSet && target === undefined; room += 1) target = binsWithRoom[room]!.pop();
    if (target === undefined) {
      bins.push([]);
      target = bins.length - 1;
    }
    const bin = bins[target]!;
    for (let position = unitStart[unit]!; position < unitStart[unit + 1]!; position += 1) bin.push(members[position]!);
    const room = maxPerSet - bin.length;
    if (room > 0) binsWithRoom[room]!.push(target);
  };
  // Deepest level first, so movable units from any level above can still fill its room.
  for (let level = levels - 1; level >= 0; level -= 1) {
    const bins: number[][] = [];
    for (const stack of binsWithRoom) stack.length = 0;
    // This level's movable units that no deeper set took must go here: they join the fixed ones.
    const mandatory = fixedByLevel[level]!;
    for (const unit of movableByLevel[level]!) {
      if (!placed[unit]) pushToBucket(mandatory, maxPerSet - unitSizes[unit]!, unit);
    }
    for (const bucket of mandatory) for (const unit of bucket ?? []) addUnit(bins, unit);
    // Fill what room is left with movable units of levels above (largest that fits first).
    for (let room = maxPerSet - 1; room >= 1; room -= 1) {
      while (binsWithRoom[room]!.length > 0) {
        let unit: number | undefined;
        for (let size = room; size >= 1 && unit === undefined; size -= 1) {
          const candidates = pool[size]!;
          while (candidates.length > 0 && placed[candidates[candidates.length - 1]!]) candidates.pop();
          const candidate = candidates[candidates.length - 1];
          // Only units whose own level is above this one may move down to it.
          if (candidate !== undefined && levelOfChange[members[unitStart[candidate]!]!]! < level)
            unit = candidates.pop();
        }
        if (unit === undefined) break;
        addUnit(bins, unit);
      }
    }
    setsByLevel[level] = bins;
  }

  const sets: PlannedChangeSet[] = [];
  const entityStamp = new Int32Array(entityCount);
  for (let level = 0; level < levels; level += 1) {
    for (const bin of setsByLevel[level]!) {
      bin.sort((a, b) => a - b);
      // Each entity once, in the order the batch first names it (a stamp per set instead of a Set).
      const entities: string[] = [];
      const stamp = sets.length + 1;
      for (const index of bin) {
        const entity = changes[index]!.entity;
        const id = entityOfChange[index]!;
        if (entity === undefined || entityStamp[id] === stamp) continue;
        entityStamp[id] = stamp;
        entities.push(entity);
      }
      sets.push({ index: sets.length, level, changeIndexes: bin, entities });
    }
  }
  return ok({ sets, levels });
}
