import { describe, expect, it } from 'vitest';
import type { RosChangeSetRequest } from '../ros-change-set-request.js';
import { checkRosRequest, validateRosRequest } from './validate-ros-request.js';

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
    ['CREATE without a timeout', { timeoutInMinutes: undefined }, 'timeoutInMinutes required'],
    ['UPDATE without a stack id', { changeSetType: 'UPDATE' }, 'stackId required'],
    ['IMPORT without a stack', { changeSetType: 'IMPORT', stackName: undefined }, 'stackName required'],
    ['two templates', { templateURL: 'oss://ros/t' }, 'templateBody oneOf'],
    ['no template', { templateBody: undefined }, 'templateBody oneOf'],
    ['a template text that is neither JSON nor YAML', { templateBody: '{not json' }, 'templateBody template'],
    ['a template text that is a YAML list', { templateBody: '- a\n- b\n' }, 'templateBody template'],
    ['a policy body that is not JSON', { stackPolicyBody: 'allow all' }, 'stackPolicyBody json'],
    ['a scratch id beside a template', { changeSetType: 'IMPORT', templateScratchId: 's-1' }, 'templateBody exclusive'],
    ['an empty resource group', { resourceGroupId: '' }, 'resourceGroupId required'],
    ['an empty taint resource', { taintResources: [''] }, 'taintResources[0] required'],
    ['a template of 524,289 bytes', { templateBody: 'x'.repeat(524_289) }, 'templateBody size'],
    [
      'a template URL of 1,025 bytes',
      { templateBody: undefined, templateURL: `oss://${'u'.repeat(1_019)}` },
      'templateURL size',
    ],
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
    ['a policy on IMPORT', { changeSetType: 'IMPORT', stackPolicyBody: '{}' }, 'stackPolicyBody forbidden'],
    ['a policy body of 16,385 bytes', { stackPolicyBody: 'p'.repeat(16_385) }, 'stackPolicyBody size'],
    ['a policy URL of 1,351 bytes', { stackPolicyURL: 'p'.repeat(1_351) }, 'stackPolicyURL size'],
    ['a description of 1,025 bytes', { description: 'd'.repeat(1_025) }, 'description size'],
    ['a token of 65 characters', { clientToken: 't'.repeat(65) }, 'clientToken length'],
    ['a token with a dot', { clientToken: 'a.b' }, 'clientToken pattern'],
    ['21 tags', { tags: Array.from({ length: 21 }, (_, n) => ({ key: `k${n}` })) }, 'tags maxItems'],
    ['a tag without a key', { tags: [{ key: '' }] }, 'tags[0].key required'],
    ['a RAM role of 65 bytes', { ramRoleName: 'r'.repeat(65) }, 'ramRoleName size'],
    ['a negative parallelism', { parallelism: -1 }, 'parallelism range'],
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

  it.each([
    ['a stack id on CREATE', { stackId: 'x' }, 'stackId'],
    ['a stack name on UPDATE', { changeSetType: 'UPDATE', stackId: 'x' }, 'stackName'],
    ['a template version without a template id', { templateVersion: 'v1' }, 'templateVersion'],
    ['a during-update policy on CREATE', { stackPolicyDuringUpdateBody: '{}' }, 'stackPolicyDuringUpdateBody'],
    ['ReplacementOption on CREATE', { replacementOption: 'Enabled' }, 'replacementOption'],
    [
      'resources to import on CREATE',
      {
        resourcesToImport: [
          { resourceType: 'ALIYUN::ECS::VPC', logicalResourceId: 'Vpc', resourceIdentifier: { VpcId: 'v' } },
        ],
      },
      'resourcesToImport',
    ],
    ['usePreviousParameters on CREATE', { usePreviousParameters: true }, 'usePreviousParameters'],
    [
      'DisableRollback on UPDATE',
      { changeSetType: 'UPDATE', stackName: undefined, stackId: 'x', disableRollback: true },
      'disableRollback',
    ],
    ['Parallelism on IMPORT', { changeSetType: 'IMPORT', parallelism: 2 }, 'parallelism'],
    ['a scratch id on CREATE', { templateScratchId: 's-1' }, 'templateScratchId'],
  ] as const)('should leave out %s with a warning, not refuse it', (_, patch, field) => {
    const checked = checkRosRequest({ ...valid, ...patch })._unsafeUnwrap();
    expect(checked.warnings.map((warning) => `${warning.path} ${warning.rule}`)).toEqual([`${field} ignored`]);
    expect(checked.request).not.toHaveProperty(field);
  });

  it('should take a template as a YAML text and keep ResourceGroupId and TaintResources', () => {
    const checked = checkRosRequest({
      ...valid,
      templateBody: "ROSTemplateFormatVersion: '2015-09-01'\nResources: {}\n",
      resourceGroupId: 'rg-acfm',
      taintResources: ['Vpc'],
    })._unsafeUnwrap();
    expect(checked.warnings).toEqual([]);
    expect(checked.request).toMatchObject({ resourceGroupId: 'rg-acfm', taintResources: ['Vpc'] });
  });

  it.each([
    ['null', null, '(request) type'],
    ['a null name', { ...valid, changeSetName: null }, 'changeSetName type'],
    ['a numeric region', { ...valid, regionId: 5 }, 'regionId type'],
    ["disableRollback 'no'", { ...valid, disableRollback: 'no' }, 'disableRollback type'],
    ["parameters 'abc'", { ...valid, parameters: 'abc' }, 'parameters type'],
    ['a null template', { ...valid, templateBody: null }, 'templateBody type'],
    ["notificationURLs 'http://x'", { ...valid, notificationURLs: 'http://x' }, 'notificationURLs type'],
    ['a misspelt member', { ...valid, disableRolback: true }, '(request) unrecognized_keys'],
    ['a BigInt parallelism', { ...valid, parallelism: 1n }, 'parallelism type'],
  ])('should refuse %s with its field and rule, without throwing', (_, input, expected) => {
    const issues = validateRosRequest(input)._unsafeUnwrapErr().issues;
    expect(issues.map((issue) => `${issue.path} ${issue.rule}`)).toContain(expected);
  });

  it('should refuse a circular template object without throwing', () => {
    const templateBody: Record<string, unknown> = { ROSTemplateFormatVersion: '2015-09-01' };
    templateBody.self = templateBody;
    const issues = validateRosRequest({ ...valid, templateBody })._unsafeUnwrapErr().issues;
    expect(issues.map((issue) => `${issue.path} ${issue.rule}`)).toEqual(['templateBody.self circular']);
  });
});

describe('a request by stack name (no changeSetType, no stackId)', () => {
  const byName = { ...valid, changeSetType: undefined };

  it('should keep what CREATE or UPDATE takes and leave out, with a warning, what only IMPORT takes', () => {
    const checked = checkRosRequest({
      ...byName,
      disableRollback: true,
      replacementOption: 'Enabled',
      templateScratchId: 'ts-1',
    })._unsafeUnwrap();
    expect(checked.request).toMatchObject({
      stackName: 'MyStack',
      disableRollback: true,
      replacementOption: 'Enabled',
    });
    expect(checked.request).not.toHaveProperty('changeSetType');
    expect(checked.warnings).toEqual([
      {
        path: 'templateScratchId',
        rule: 'ignored',
        message:
          'takes effect only when changeSetType is IMPORT (it is CREATE or UPDATE, by stack name): left out of the request',
      },
    ]);
  });

  it('should require a timeout, since the lookup may make it a CREATE', () => {
    expect(rules({ changeSetType: undefined, timeoutInMinutes: undefined })).toEqual(['timeoutInMinutes required']);
  });

  it('should stay an UPDATE of the stackId when one is given', () => {
    const checked = checkRosRequest({ ...byName, stackId: 'stack-1' })._unsafeUnwrap();
    expect(checked.warnings.map((warning) => warning.path)).toEqual(['stackName']);
  });
});
