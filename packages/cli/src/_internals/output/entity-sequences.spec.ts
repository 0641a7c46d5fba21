import { describe, expect, it } from 'vitest';
import { entitySequences } from './entity-sequences.js';

const update = (target: string) => ({ action: 'UpdateInformation', target });

describe(entitySequences, () => {
  describe('having one entity in many change sets and others in few', () => {
    it('should name the entity with how many sets it takes, most first', () => {
      const changes = new Map([
        ['marketplace:1', [update('SaaSProduct@1.0/a'), update('SaaSProduct@1.0/b')]],
        ['marketplace:2', [update('SaaSProduct@1.0/a'), update('SaaSProduct@1.0/b')]],
        ['marketplace:3', [update('SaaSProduct@1.0/a'), update('SaaSProduct@1.0/a')]],
        ['marketplace:4', [update('SaaSProduct@1.0/c')]],
      ]);
      expect(entitySequences(changes)).toEqual([{ entity: 'SaaSProduct@1.0/a', sets: 3 }]);
      expect(entitySequences(changes, 2)).toEqual([
        { entity: 'SaaSProduct@1.0/a', sets: 3 },
        { entity: 'SaaSProduct@1.0/b', sets: 2 },
      ]);
    });
  });

  describe('having ROS stacks that share a logical id', () => {
    it('should not call them a sequence: they are different resources', () => {
      const vpc = { action: 'Add', target: 'Vpc', detail: 'ALIYUN::ECS::VPC' };
      const changes = new Map([
        ['ros:a', [vpc]],
        ['ros:b', [vpc]],
        ['ros:c', [vpc]],
      ]);
      expect(entitySequences(changes)).toEqual([]);
    });
  });
});
