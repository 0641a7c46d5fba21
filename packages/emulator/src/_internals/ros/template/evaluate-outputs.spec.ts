// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${Name}` is the ROS Fn::Sub syntax, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { evaluateOutputs, physicalId } from './evaluate-outputs.js';
import type { RosTemplate } from './ros-template.js';

const pseudo = { 'ALIYUN::Region': 'cn-hangzhou', 'ALIYUN::StackName': 'web', 'ALIYUN::StackId': 's-1' };
const outputs = (template: object, parameters: Record<string, string> = {}) =>
  Object.fromEntries(
    evaluateOutputs({
      template: { ROSTemplateFormatVersion: '2015-09-01', ...template } as RosTemplate,
      parameters,
      pseudo,
      stackId: 's-1',
    }).map((output) => [output.OutputKey, output.OutputValue]),
  );

describe('evaluateOutputs', () => {
  it('should give a resource a stable fake physical id named after its type', () => {
    expect(physicalId('s-1', 'Vpc', 'ALIYUN::ECS::VPC')).toMatch(/^vpc-[0-9a-f]{20}$/);
    expect(physicalId('s-1', 'Vpc', 'ALIYUN::ECS::VPC')).toBe(physicalId('s-1', 'Vpc', 'ALIYUN::ECS::VPC'));
    expect(physicalId('s-2', 'Vpc', 'ALIYUN::ECS::VPC')).not.toBe(physicalId('s-1', 'Vpc', 'ALIYUN::ECS::VPC'));
  });

  it('should evaluate Ref, Fn::GetAtt (own id, a property set, else a fake), Fn::Join, Fn::Sub, Fn::If and Fn::FindInMap', () => {
    const vpcId = physicalId('s-1', 'Vpc', 'ALIYUN::ECS::VPC');
    expect(
      outputs(
        {
          Parameters: { Env: { Type: 'String' }, Size: { Type: 'Number' }, Cidr: { Type: 'String' } },
          Mappings: { Images: { prod: { Id: 'm-prod' } } },
          Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
          Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: { Ref: 'Cidr' } } } },
          Outputs: {
            Ref: { Value: { Ref: 'Vpc' } },
            Cidr: { Value: { 'Fn::GetAtt': ['Vpc', 'CidrBlock'] } },
            Attribute: { Value: { 'Fn::GetAtt': ['Vpc', 'VpcId'] } },
            List: { Value: { 'Fn::GetAtt': ['Vpc', 'VSwitchIds'] } },
            Joined: { Value: { 'Fn::Join': ['/', [{ Ref: 'ALIYUN::Region' }, { Ref: 'Env' }]] } },
            Sub: { Value: { 'Fn::Sub': ['${ALIYUN::StackName}-${Env}-${X}-${!Env}', { X: { Ref: 'Size' } }] } },
            Chosen: { Value: { 'Fn::If': ['IsProd', 'big', 'small'] } },
            Image: { Value: { 'Fn::FindInMap': ['Images', { Ref: 'Env' }, 'Id'] } },
            Size: { Value: { Ref: 'Size' } },
            Hidden: { Condition: 'IsProd', Value: 'never' },
          },
        },
        { Env: 'prod', Size: '3', Cidr: '10.0.0.0/8' },
      ),
    ).toEqual({
      Ref: vpcId,
      Cidr: '10.0.0.0/8',
      Attribute: vpcId,
      List: [`${vpcId}.VSwitchIds.0`, `${vpcId}.VSwitchIds.1`],
      Joined: 'cn-hangzhou/prod',
      Sub: 'web-prod-3-${Env}',
      Chosen: 'big',
      Image: 'm-prod',
      Size: 3,
      Hidden: 'never',
    });
  });

  it('should leave out an output whose condition is false, and show what it cannot evaluate as declared', () => {
    expect(
      outputs(
        {
          Parameters: { Env: { Type: 'String', Default: 'dev' } },
          Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
          Outputs: {
            Hidden: { Condition: 'IsProd', Value: 'x' },
            Jq: { Value: { 'Fn::Jq': ['First', '.a', '{"a": 1}'] } },
          },
        },
        { Env: 'dev' },
      ),
    ).toEqual({ Jq: { 'Fn::Jq': ['First', '.a', '{"a": 1}'] } });
  });

  it("should list a Terraform stack's root outputs", () => {
    expect(
      Object.keys(
        outputs({
          Transform: 'Aliyun::Terraform-v1.5',
          Workspace: { 'main.tf': 'output "a" {\n  value = 1\n}\n', 'modules/m/main.tf': 'output "inner" {}' },
        }),
      ),
    ).toEqual(['a']);
  });
});
