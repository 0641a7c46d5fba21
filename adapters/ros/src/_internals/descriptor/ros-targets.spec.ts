import { describe, expect, it } from 'vitest';
import { rosPlanSectionSchema } from '../../descriptor/ros-plan-section.js';
import { rosPlanPath, rosTargets } from './ros-targets.js';

const context = { runId: 'abcd1234', options: {} };
const section = (stacks: unknown[]) => rosPlanSectionSchema.parse({ stacks });
const template = { ROSTemplateFormatVersion: '2015-09-01', Resources: {} };

describe(rosPlanPath, () => {
  it('should map request fields back to the plan file names', () => {
    expect(rosPlanPath(2, 'templateBody.Resources')).toBe('stacks[2].template.Resources');
    expect(rosPlanPath(0, 'stackName')).toBe('stacks[0].name');
    expect(rosPlanPath(1, 'parameters[3].key')).toBe('stacks[1].parameters[3].key');
    expect(rosPlanPath(1, 'timeoutInMinutes')).toBe('stacks[1].timeoutInMinutes');
  });
});

describe(rosTargets, () => {
  describe('having stacks to create and to update', () => {
    it('should make one target per stack: by name (the adapter looks it up), or UPDATE of a stackId', () => {
      const plan = rosTargets(
        section([
          { name: 'net', template },
          { name: 'app', stackId: 'stack-1', template },
        ]),
        context,
        'cn-shanghai',
      )._unsafeUnwrap();
      expect(plan.targets.map((target) => target.task)).toEqual(['ros:net', 'ros:app']);
      expect(plan.targets[0]!.request).not.toHaveProperty('changeSetType');
      expect(plan.targets[0]!.request).toMatchObject({
        stackName: 'net',
        regionId: 'cn-shanghai',
        changeSetName: 'changeplane-abcd1234',
        timeoutInMinutes: 60,
      });
      expect(plan.targets[1]!.request).toMatchObject({ changeSetType: 'UPDATE', stackId: 'stack-1' });
      expect(plan.targets[1]!.request).not.toHaveProperty('stackName');
      expect(plan.targets[1]!.request).not.toHaveProperty('timeoutInMinutes');
    });
  });

  describe('having a stack that breaks the adapter rules', () => {
    it('should report every problem with its plan-file path', () => {
      const issues = rosTargets(
        section([{ name: '-bad name', template, timeoutInMinutes: 5 }]),
        context,
      )._unsafeUnwrapErr();
      expect(issues.map((issue) => issue.path)).toEqual(
        expect.arrayContaining(['stacks[0].name', 'stacks[0].timeoutInMinutes']),
      );
    });
  });

  describe('having one stack named twice', () => {
    it('should refuse the second', () => {
      const issues = rosTargets(
        section([
          { name: 'net', template },
          { name: 'net', template },
        ]),
        context,
      )._unsafeUnwrapErr();
      expect(issues).toEqual([expect.objectContaining({ path: 'stacks[1].name', rule: 'unique' })]);
    });
  });
});
