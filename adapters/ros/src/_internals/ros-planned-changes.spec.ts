import { describe, expect, it } from 'vitest';
import { rosPlannedChanges } from './ros-change-set-state.js';

const detail = (Name: string | undefined, Attribute = 'Properties') => ({ Target: { Attribute, Name } });

describe(rosPlannedChanges, () => {
  it('should name the type of an added or removed resource', () => {
    const changes = [
      {
        Type: 'Resource',
        ResourceChange: { Action: 'Add', LogicalResourceId: 'Eip', ResourceType: 'ALIYUN::VPC::EIP' },
      },
      {
        Type: 'Resource',
        ResourceChange: { Action: 'Remove', LogicalResourceId: 'Old', ResourceType: 'ALIYUN::OSS::Bucket' },
      },
    ];
    expect(rosPlannedChanges(changes)).toEqual([
      { action: 'Add', target: 'Eip', detail: 'ALIYUN::VPC::EIP' },
      { action: 'Remove', target: 'Old', detail: 'ALIYUN::OSS::Bucket' },
    ]);
  });

  it('should name what a Modify changes, once each, and whether it replaces the resource', () => {
    const modify = (Replacement: string, Details: object[]) => ({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: 'VSwitch',
        ResourceType: 'ALIYUN::ECS::VSwitch',
        Replacement,
        Details,
      },
    });
    expect(
      rosPlannedChanges([
        modify('True', [detail('CidrBlock'), detail('ZoneId'), detail('CidrBlock')]),
        modify('Conditional', [detail('VpcId')]),
        modify('False', [detail(undefined, 'Metadata')]),
        modify('False', []),
      ]).map((change) => change.detail),
    ).toEqual([
      'ALIYUN::ECS::VSwitch: CidrBlock, ZoneId (replaced)',
      'ALIYUN::ECS::VSwitch: VpcId (may be replaced)',
      'ALIYUN::ECS::VSwitch: Metadata',
      'ALIYUN::ECS::VSwitch',
    ]);
  });
});
