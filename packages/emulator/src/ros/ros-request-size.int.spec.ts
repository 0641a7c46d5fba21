import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../_internals/shared/failure-of.spec-support.js';
import { maxRequestBodyBytes, maxRequestHeadBytes } from '../_internals/shared/http-server.js';
import { startRosEmulator } from './ros-emulator.js';
import type { RunningRosEmulator } from './running-ros-emulator.js';

type SdkError = Error & { code?: string; statusCode?: number; data?: Record<string, unknown> };

/** A template body of exactly `size` bytes (JSON padded through its Description). */
const templateOf = (size: number, parameters: Record<string, object> = {}) => {
  const shell = { ROSTemplateFormatVersion: '2015-09-01', Description: '', Parameters: parameters };
  const padding = size - Buffer.byteLength(JSON.stringify(shell));
  return JSON.stringify({ ...shell, Description: 'd'.repeat(padding) });
};
const policyOf = (size: number) => {
  const shell = { Statement: [{ Effect: 'Allow', Action: 'Update:*', Principal: '*', Resource: '*' }], Note: '' };
  return JSON.stringify({ ...shell, Note: 'n'.repeat(size - Buffer.byteLength(JSON.stringify(shell))) });
};
const twoHundred = Object.fromEntries(Array.from({ length: 200 }, (_, n) => [`P${n}`, { Type: 'String' }]));

describe('ROS emulator request sizes, through the official SDK (parameters travel in the query string)', () => {
  let emulator: RunningRosEmulator;
  let counter = 0;
  beforeAll(async () => {
    emulator = await startRosEmulator({ timing: { createMs: 10, executeMs: 10 } });
  });
  afterAll(async () => {
    await emulator.close();
  });
  const create = (fields: Partial<$Ros.CreateChangeSetRequest>) => {
    counter += 1;
    const client = new ROS.default(
      new $OpenApi.$OpenApiUtil.Config({
        ...emulator.credentials,
        endpoint: new URL(emulator.endpoint).host,
        protocol: 'http',
        regionId: emulator.regionId,
        readTimeout: 20_000,
        connectTimeout: 20_000,
      }),
    );
    return client.createChangeSet(
      new $Ros.CreateChangeSetRequest({
        regionId: 'cn-hangzhou',
        changeSetName: `size-${counter}`,
        changeSetType: 'CREATE',
        stackName: `size-${counter}`,
        timeoutInMinutes: 10,
        templateBody: templateOf(200),
        ...fields,
      }),
    );
  };
  const failure = failureOf<SdkError>;
  const parametersOf = (valueBytes: number) =>
    Object.keys(twoHundred).map(
      (parameterKey) =>
        new $Ros.CreateChangeSetRequestParameters({ parameterKey, parameterValue: 'v'.repeat(valueBytes) }),
    );

  it('should accept 200 parameters of 4,000 bytes each (a request line of about 830 KB)', async () => {
    const created = await create({ templateBody: templateOf(20_000, twoHundred), parameters: parametersOf(4_000) });
    expect(created.statusCode).toBe(200);
    expect(created.body?.changeSetId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should answer a JSON error, not an empty body, when the request head passes the emulator limit', async () => {
    const error = await failure(
      create({ templateBody: templateOf(20_000, twoHundred), parameters: parametersOf(6_000) }),
    );
    expect(error.name).toBe('ClientError');
    expect(error).toMatchObject({ code: 'RequestHeaderFieldsTooLarge', statusCode: 431 });
    expect(error.message).toContain(String(maxRequestHeadBytes));
    expect(error.data?.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });

  it('should accept a StackPolicyBody of 16,384 bytes and refuse one of 16,385 naming it', async () => {
    expect((await create({ stackPolicyBody: policyOf(16_384) })).statusCode).toBe(200);
    const error = await failure(create({ stackPolicyBody: policyOf(16_385) }));
    expect(error).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    expect(error.message).toContain('StackPolicyBody');
  });

  it('should accept a TemplateBody of 524,288 bytes and refuse one of 524,289 naming it', async () => {
    expect((await create({ templateBody: templateOf(524_288) })).statusCode).toBe(200);
    const error = await failure(create({ templateBody: templateOf(524_289) }));
    expect(error).toMatchObject({ code: 'InvalidParameter', statusCode: 400 });
    expect(error.message).toContain('TemplateBody');
  });

  it('should accept a TemplateURL of 1,024 bytes and refuse one of 1,025', async () => {
    const url = (size: number) => `oss://ros/${'t'.repeat(size - 10)}`;
    expect((await create({ templateBody: undefined, templateURL: url(1_024) })).statusCode).toBe(200);
    const error = await failure(create({ templateBody: undefined, templateURL: url(1_025) }));
    expect(error.message).toContain('TemplateURL');
  });

  it('should accept 5 notification URLs of 1,024 bytes and refuse a 1,025-byte one', async () => {
    const url = (size: number) => `http://example.com/${'u'.repeat(size - 19)}`;
    const five = Array.from({ length: 5 }, () => url(1_024));
    expect((await create({ notificationURLs: five })).statusCode).toBe(200);
    const error = await failure(create({ notificationURLs: [url(1_025)] }));
    expect(error.message).toContain('NotificationURLs.1');
  });

  it('should answer a JSON error when the body passes the emulator limit', async () => {
    const error = await failure(create({ templateBody: 'x'.repeat(maxRequestBodyBytes + 1) }));
    expect(error).toMatchObject({ code: 'RequestEntityTooLarge', statusCode: 413 });
  });
});
