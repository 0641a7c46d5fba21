import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../planner/test-planning-policy.fixture.js';
import { findChangeGroups } from './find-change-groups.js';

describe(findChangeGroups, () => {
  describe('having no links', () => {
    it('should find no groups', () => {
      expect(findChangeGroups([{ entity: 'E/a', changeType: 'A' }], testPolicy)._unsafeUnwrap()).toBeUndefined();
    });
  });

  describe('having a chain of references and a change alone', () => {
    it('should list the chain as one group in batch order and leave the other alone', () => {
      const groups = findChangeGroups(
        [
          { changeType: 'Create', changeName: 'a' },
          { entity: 'E/x', changeType: 'A' },
          { changeType: 'Create', changeName: 'b', references: ['a'] },
          { entity: 'E/y', changeType: 'A', references: ['b'] },
        ],
        testPolicy,
      )._unsafeUnwrap()!;
      expect(groups.count).toBe(1);
      expect(Array.from(groups.groupOf)).toEqual([0, -1, 0, 0]);
      expect(Array.from(groups.members.subarray(groups.start[0], groups.start[1]))).toEqual([0, 2, 3]);
    });
  });

  describe('having the same change type twice on one entity in one group', () => {
    it('should report the policy conflict rule', () => {
      const issues = findChangeGroups(
        [
          { entity: 'E/x', changeType: 'A', changeName: 'a' },
          { entity: 'E/x', changeType: 'A', references: ['a'] },
        ],
        testPolicy,
      )._unsafeUnwrapErr();
      expect(issues).toEqual([expect.objectContaining({ path: 'changes[1]', rule: 'oneChangeTypePerEntity' })]);
    });
  });
});
