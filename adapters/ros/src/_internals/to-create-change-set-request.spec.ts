import { describe, expect, it } from 'vitest';
import { toCreateChangeSetRequest } from './to-create-change-set-request.js';
import { checkRosRequest } from './validate-ros-request.js';

describe(toCreateChangeSetRequest, () => {
  it('should map every parameter, ResourceGroupId and TaintResources included, and leave ignored ones out', () => {
    const { request, warnings } = checkRosRequest({
      changeSetType: 'UPDATE',
      regionId: 'cn-hangzhou',
      changeSetName: 'cs',
      stackId: 'stack-1',
      stackName: 'ignored-for-update',
      disableRollback: true,
      templateBody: { ROSTemplateFormatVersion: '2015-09-01' },
      parameters: { Size: 'small' },
      resourceGroupId: 'rg-acfmxazb4ph6aiy',
      taintResources: ['Vpc', 'VSwitch'],
      tags: [{ key: 'team', value: 'platform' }],
      parallelism: 2,
    })._unsafeUnwrap();
    const sdk = toCreateChangeSetRequest(request, 'token-1');
    expect(sdk).toMatchObject({
      changeSetType: 'UPDATE',
      stackId: 'stack-1',
      templateBody: '{"ROSTemplateFormatVersion":"2015-09-01"}',
      parameters: [{ parameterKey: 'Size', parameterValue: 'small' }],
      resourceGroupId: 'rg-acfmxazb4ph6aiy',
      taintResources: ['Vpc', 'VSwitch'],
      tags: [{ key: 'team', value: 'platform' }],
      parallelism: 2,
      clientToken: 'token-1',
    });
    expect(sdk.stackName).toBeUndefined();
    expect(sdk.disableRollback).toBeUndefined();
    expect(warnings.map((warning) => warning.path)).toEqual(['stackName', 'disableRollback']);
  });

  it('should send a YAML template text as it was given', () => {
    const text = "ROSTemplateFormatVersion: '2015-09-01'\nResources: {}\n";
    const { request } = checkRosRequest({
      changeSetType: 'CREATE',
      regionId: 'cn-hangzhou',
      changeSetName: 'cs',
      stackName: 'web',
      timeoutInMinutes: 10,
      templateBody: text,
    })._unsafeUnwrap();
    expect(toCreateChangeSetRequest(request, 't').templateBody).toBe(text);
  });
});
