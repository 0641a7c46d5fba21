// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${Name}` is the ROS Fn::Sub syntax, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import type { RosTemplate } from './ros-template.js';
import { templateProblem } from './template-problem.js';

const template = (resources: object, extra: object = {}) =>
  ({ ROSTemplateFormatVersion: '2015-09-01', Resources: resources, ...extra }) as RosTemplate;
const vpc = (properties: object = {}) => ({
  Type: 'ALIYUN::ECS::VPC',
  Properties: { CidrBlock: '10.0.0.0/8', ...properties },
});

describe('templateProblem', () => {
  it.each([
    'ALIYUN::ECS::VPC',
    'ALIYUN::RandomString',
    'DATASOURCE::ECS::Zones',
    'MODULE::ACS::VPC::OptionalVpcAndVSwitch',
    'Custom::DomainName',
  ])('should accept the resource type %s', (type) => {
    expect(templateProblem(template({ R: { Type: type } }))).toBeUndefined();
  });

  it.each([
    'ALIYUN::ECS',
    'ALIYUN::ECS::VPC::Extra',
    'DATASOURCE::ECS',
    'MODULE::ACS::VPC',
    'Custom::',
    'AWS::EC2::VPC',
    'Aliyun::Serverless::Function',
  ])('should refuse the resource type %s', (type) => {
    expect(templateProblem(template({ R: { Type: type } }))).toContain(`invalid type: ${type}`);
  });

  it('should accept Aliyun::Serverless types under the Serverless transform only', () => {
    const resources = { F: { Type: 'Aliyun::Serverless::Function' }, L: { Type: 'Aliyun::Serverless::Log::Logstore' } };
    expect(templateProblem(template(resources, { Transform: 'Aliyun::Serverless-2018-04-03' }))).toBeUndefined();
  });

  it('should resolve Ref and Fn::GetAtt to parameters, resources, Locals and pseudo parameters', () => {
    const problem = templateProblem(
      template(
        {
          Vpc: vpc({ VpcName: { Ref: 'Name' }, Description: { Ref: 'ALIYUN::StackName' } }),
          VSwitch: {
            Type: 'ALIYUN::ECS::VSwitch',
            Properties: {
              VpcId: { 'Fn::GetAtt': ['Vpc', 'VpcId'] },
              ZoneId: { Ref: 'Zone' },
              VSwitchName: { 'Fn::Sub': '${Name}-${Vpc.VpcId}-${ALIYUN::Region}-${!Literal}-${Own}' },
              Tag: { 'Fn::Sub': ['${Own}', { Own: 'x' }] },
            },
          },
        },
        {
          Parameters: { Name: { Type: 'String' } },
          Locals: {
            Zones: { Type: 'DATASOURCE::ECS::Zones' },
            Zone: { Type: 'Eval', Value: { 'Fn::Select': [0, { 'Fn::GetAtt': ['Zones', 'ZoneIds'] }] } },
          },
        },
      ),
    );
    expect(problem).toBe('The specified reference "Own" (in Resources.VSwitch) is incorrect.');
  });

  it.each([
    ['a Ref to nothing', { R: vpc({ VpcName: { Ref: 'Nope' } }) }, '"Nope" (in Resources.R)'],
    ['a GetAtt on a parameter', { R: vpc({ VpcName: { 'Fn::GetAtt': ['P', 'X'] } }) }, '"P" (in Resources.R)'],
    ['a Sub attribute of nothing', { R: vpc({ VpcName: { 'Fn::Sub': '${Nope.Id}' } }) }, '"Nope"'],
    ['an undeclared condition', { R: { ...vpc(), Condition: 'Missing' } }, 'condition "Missing"'],
    ['an Fn::If on an undeclared condition', { R: vpc({ VpcName: { 'Fn::If': ['C', 'a', 'b'] } }) }, 'condition "C"'],
    ['an undeclared mapping', { R: vpc({ VpcName: { 'Fn::FindInMap': ['M', 'a', 'b'] } }) }, 'mapping "M"'],
    ['a DependsOn on nothing', { R: { ...vpc(), DependsOn: ['Ghost'] } }, '"Ghost" (in Resources.R.DependsOn)'],
  ])('should name %s', (_, resources, expected) => {
    expect(templateProblem(template(resources, { Parameters: { P: { Type: 'String' } } }))).toContain(expected);
  });

  it('should find a dependency cycle', () => {
    expect(
      templateProblem(
        template({
          A: vpc({ VpcName: { Ref: 'B' } }),
          B: { ...vpc({ VpcName: { 'Fn::GetAtt': ['C', 'Name'] } }) },
          C: { ...vpc(), DependsOn: 'A' },
        }),
      ),
    ).toBe('Circular Dependency Found: A -> B -> C -> A.');
  });

  it('should treat a Condition inside properties (a RAM policy) as data, not a condition name', () => {
    const role = {
      Type: 'ALIYUN::RAM::Role',
      Properties: { Policy: { Statement: [{ Condition: 'StringEquals', Effect: 'Allow' }] } },
    };
    expect(templateProblem(template({ Role: role }))).toBeUndefined();
  });

  it('should check an inline nested stack template against its own declarations, not the outer ones', () => {
    const nested = (inner: object) =>
      template(
        {
          Child: {
            Type: 'ALIYUN::ROS::Stack',
            Properties: {
              Parameters: { Cidr: { Ref: 'OuterCidr' } },
              TemplateBody: {
                ROSTemplateFormatVersion: '2015-09-01',
                Parameters: { Cidr: { Type: 'String' } },
                Resources: { Inner: { Type: 'ALIYUN::ECS::VPC', Properties: inner } },
              },
            },
          },
        },
        { Parameters: { OuterCidr: { Type: 'String' } } },
      );
    expect(templateProblem(nested({ CidrBlock: { Ref: 'Cidr' } }))).toBeUndefined();
    expect(templateProblem(nested({ CidrBlock: { Ref: 'OuterCidr' } }))).toBe(
      'Resources.Child (nested template): The specified reference "OuterCidr" (in Resources.Inner) is incorrect.',
    );
  });

  it('should parse a nested TemplateBody given as YAML text and report its own defects', () => {
    const child = (body: string) =>
      template({ Child: { Type: 'ALIYUN::ROS::Stack', Properties: { TemplateBody: body } } });
    const yaml = "ROSTemplateFormatVersion: '2015-09-01'\nResources:\n  V:\n    Type: ALIYUN::ECS::VPC\n";
    expect(templateProblem(child(yaml))).toBeUndefined();
    expect(templateProblem(child(`${yaml}    Properties: {CidrBlock: !Ref Nope}\n`))).toContain('"Nope"');
    expect(templateProblem(child("ROSTemplateFormatVersion: '2015-09-01'\nBogus: {}\n"))).toContain(
      'The template section is invalid: Bogus',
    );
  });

  it('should leave a nested TemplateBody computed by a function to the service, checking its outer names', () => {
    const computed = template({
      Child: { Type: 'ALIYUN::ROS::Stack', Properties: { TemplateBody: { 'Fn::Sub': '${Body}' } } },
    });
    expect(templateProblem(computed)).toContain('"Body"');
  });

  it('should refuse a Locals entry of another type', () => {
    expect(templateProblem(template({}, { Locals: { L: { Type: 'ALIYUN::ECS::VPC' } } }))).toContain(
      'Locals.L has an invalid type',
    );
  });
});
