// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${Name}` is the ROS Fn::Sub syntax, not a mistaken template literal.
import { describe, expect, it } from 'vitest';
import { RosError } from '../ros-error.js';
import { parseTemplateText } from './parse-template-text.js';

const refusal = (body: string) => {
  try {
    parseTemplateText(body);
  } catch (error) {
    return error as RosError;
  }
  throw new Error('expected InvalidSchema');
};

describe('parseTemplateText', () => {
  it('should read JSON text', () => {
    expect(parseTemplateText('{"ROSTemplateFormatVersion": "2015-09-01", "Resources": {}}')).toEqual({
      ROSTemplateFormatVersion: '2015-09-01',
      Resources: {},
    });
  });

  it('should read YAML text and turn every short form into its long form', () => {
    const parsed = parseTemplateText(
      [
        "ROSTemplateFormatVersion: '2015-09-01'",
        'Conditions:',
        '  IsProd: !Equals [prod, !Ref Env]',
        '  NotProd: !Not [!Condition IsProd]',
        'Outputs:',
        '  A: {Value: !GetAtt Vpc.VpcId}',
        '  B: {Value: !GetAtt [Vpc, Outputs.Inner]}',
        "  C: {Value: !Sub '${ALIYUN::Region}-x'}",
        '  D: {Value: !Join [",", [a, !Ref Env]]}',
        '  E: {Value: !If [IsProd, !Base64Encode {"Fn::Sub": x}, !Ref ALIYUN::NoValue]}',
        '  F: {Value: !Select [0, !GetAZs cn-hangzhou]}',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ROSTemplateFormatVersion: '2015-09-01',
      Conditions: {
        IsProd: { 'Fn::Equals': ['prod', { Ref: 'Env' }] },
        NotProd: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      },
      Outputs: {
        A: { Value: { 'Fn::GetAtt': ['Vpc', 'VpcId'] } },
        B: { Value: { 'Fn::GetAtt': ['Vpc', 'Outputs.Inner'] } },
        C: { Value: { 'Fn::Sub': '${ALIYUN::Region}-x' } },
        D: { Value: { 'Fn::Join': [',', ['a', { Ref: 'Env' }]] } },
        E: { Value: { 'Fn::If': ['IsProd', { 'Fn::Base64Encode': { 'Fn::Sub': 'x' } }, { Ref: 'ALIYUN::NoValue' }] } },
        F: { Value: { 'Fn::Select': [0, { 'Fn::GetAZs': 'cn-hangzhou' }] } },
      },
    });
  });

  it('should keep the last of two equal keys, as JSON.parse does', () => {
    expect(parseTemplateText('A: 1\nA: 2\n')).toEqual({ A: 2 });
    expect(parseTemplateText('{"A": 1, "A": 2}')).toEqual({ A: 2 });
  });

  it('should read YAML flow style that is not JSON', () => {
    expect(parseTemplateText("{ROSTemplateFormatVersion: '2015-09-01', Resources: {}}")).toEqual({
      ROSTemplateFormatVersion: '2015-09-01',
      Resources: {},
    });
  });

  it.each([
    ['a tab used for indentation', 'A:\n\tB: 1'],
    ['an unclosed flow mapping', '{"A": 1'],
    ['two short forms on one value (the function index page says one must be long)', 'A: !Base64Encode !Sub x'],
    ['an alias to no anchor', 'A: *nowhere'],
  ])('should answer InvalidSchema for %s', (_, body) => {
    const error = refusal(body);
    expect(error).toBeInstanceOf(RosError);
    expect(error.code).toBe('InvalidSchema');
    expect(error.status).toBe(400);
  });
});
