import { describe, expect, it } from 'vitest';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { validateRosRequest } from './validate-ros-request.js';

const valid: RosChangeSetRequest = {
  changeSetType: 'CREATE',
  regionId: 'cn-hangzhou',
  changeSetName: 'MyChangeSet',
  stackName: 'MyStack',
  templateBody: { ROSTemplateFormatVersion: '2015-09-01' },
  timeoutInMinutes: 12,
};
const rules = (patch: Partial<RosChangeSetRequest>) =>
  validateRosRequest({ ...valid, ...patch } as RosChangeSetRequest).match(
    () => [],
    (error) => error.issues.map((issue) => `${issue.path} ${issue.rule}`),
  );

describe(validateRosRequest, () => {
  it('should accept the page example and a name starting with a digit', () => {
    expect(rules({})).toEqual([]);
    expect(rules({ changeSetName: '1st-change_set' })).toEqual([]);
    expect(
      rules({
        changeSetType: 'UPDATE',
        stackName: undefined,
        stackId: '4a6c9851-3b0f',
        timeoutInMinutes: undefined,
        replacementOption: 'Enabled',
        stackPolicyDuringUpdateURL: 'oss://ros/p',
      }),
    ).toEqual([]);
  });

  it.each([
    ['no region', { regionId: '' }, 'regionId required'],
    ['a name starting with a hyphen', { changeSetName: '-x' }, 'changeSetName pattern'],
    ['a name of 256 characters', { changeSetName: 'a'.repeat(256) }, 'changeSetName length'],
    ['a stack name with a dot', { stackName: 'a.b' }, 'stackName pattern'],
    ['CREATE without a stack name', { stackName: undefined }, 'stackName required'],
    ['CREATE with a stack id', { stackId: 'x' }, 'stackId forbidden'],
    ['CREATE without a timeout', { timeoutInMinutes: undefined }, 'timeoutInMinutes required'],
    ['UPDATE without a stack id', { changeSetType: 'UPDATE' }, 'stackId required'],
    ['UPDATE with a stack name', { changeSetType: 'UPDATE', stackId: 'x' }, 'stackName forbidden'],
    ['IMPORT without a stack', { changeSetType: 'IMPORT', stackName: undefined }, 'stackName required'],
    ['two templates', { templateURL: 'oss://ros/t' }, 'templateBody oneOf'],
    ['no template', { templateBody: undefined }, 'templateBody oneOf'],
    ['a template of 524,289 bytes', { templateBody: 'x'.repeat(524_289) }, 'templateBody size'],
    [
      'a template URL of 1,025 bytes',
      { templateBody: undefined, templateURL: `oss://${'u'.repeat(1_019)}` },
      'templateURL size',
    ],
    ['a version without a template id', { templateVersion: 'v1' }, 'templateVersion requires'],
    [
      '201 parameters',
      { parameters: Object.fromEntries(Array.from({ length: 201 }, (_, n) => [`P${n}`, 'v'])) },
      'parameters maxItems',
    ],
    [
      '6 notification URLs',
      { notificationURLs: Array.from({ length: 6 }, (_, n) => `http://e/${n}`) },
      'notificationURLs maxItems',
    ],
    [
      'a notification URL of 1,025 bytes',
      { notificationURLs: [`http://${'u'.repeat(1_018)}`] },
      'notificationURLs[0] size',
    ],
    ['a timeout of 9', { timeoutInMinutes: 9 }, 'timeoutInMinutes range'],
    ['a timeout of 1441', { timeoutInMinutes: 1_441 }, 'timeoutInMinutes range'],
    ['a timeout of 10.5', { timeoutInMinutes: 10.5 }, 'timeoutInMinutes range'],
    ['two stack policies', { stackPolicyBody: '{}', stackPolicyURL: 'oss://p' }, 'stackPolicyURL exclusive'],
    [
      'a during-update policy on CREATE',
      { stackPolicyDuringUpdateBody: '{}' },
      'stackPolicyDuringUpdateBody forbidden',
    ],
    ['a policy on IMPORT', { changeSetType: 'IMPORT', stackPolicyBody: '{}' }, 'stackPolicyBody forbidden'],
    ['a policy body of 16,385 bytes', { stackPolicyBody: 'p'.repeat(16_385) }, 'stackPolicyBody size'],
    ['a policy URL of 1,351 bytes', { stackPolicyURL: 'p'.repeat(1_351) }, 'stackPolicyURL size'],
    ['a description of 1,025 bytes', { description: 'd'.repeat(1_025) }, 'description size'],
    ['a token of 65 characters', { clientToken: 't'.repeat(65) }, 'clientToken length'],
    ['a token with a dot', { clientToken: 'a.b' }, 'clientToken pattern'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, n) => ({ key: `k${n}` })) }, 'tags maxItems'],
    ['a tag without a key', { tags: [{ key: '' }] }, 'tags[0].key required'],
    ['a RAM role of 65 bytes', { ramRoleName: 'r'.repeat(65) }, 'ramRoleName size'],
    ['ReplacementOption on CREATE', { replacementOption: 'Enabled' }, 'replacementOption requires'],
    [
      'resources to import on CREATE',
      {
        resourcesToImport: [
          { resourceType: 'ALIYUN::ECS::VPC', logicalResourceId: 'Vpc', resourceIdentifier: { VpcId: 'v' } },
        ],
      },
      'resourcesToImport requires',
    ],
    ['a negative parallelism', { parallelism: -1 }, 'parallelism range'],
    ['usePreviousParameters on CREATE', { usePreviousParameters: true }, 'usePreviousParameters requires'],
  ] as const)('should refuse %s', (_, patch, expected) => {
    expect(rules(patch as Partial<RosChangeSetRequest>)).toContain(expected);
  });

  it('should list every broken rule in one error', () => {
    const error = validateRosRequest({
      ...valid,
      changeSetName: '-bad',
      timeoutInMinutes: 5,
      notificationURLs: Array(6).fill('http://e'),
      clientToken: 'no spaces',
    })._unsafeUnwrapErr();
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'changeSetName',
      'notificationURLs',
      'timeoutInMinutes',
      'clientToken',
    ]);
    expect(error.message).toContain('4 problems');
  });
});
