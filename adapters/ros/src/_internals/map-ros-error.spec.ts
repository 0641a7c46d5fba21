import { describe, expect, it } from 'vitest';
import { mapRosError } from './map-ros-error.js';

// The rows the ROS emulator cannot produce, built as the SDK builds them (AlibabaCloudError fields).
const sdkError = (code: string, statusCode: number, name = statusCode >= 500 ? 'ServerError' : 'ClientError') =>
  Object.assign(new Error(`${code}: code: ${statusCode}, boom request id: R-1`), {
    name,
    code,
    statusCode,
    requestId: 'R-1',
    data: { Code: code, Message: 'boom', RequestId: 'R-1' },
  });

describe(mapRosError, () => {
  it.each([
    ['LimitExceeded.Stack', '200 stacks per account'],
    ['LimitExceeded.ChangeSet', '20 change sets per stack'],
  ])('should map %s to quota-exceeded naming the limit', (code, limit) => {
    expect(mapRosError(sdkError(code, 400), { operation: 'create' })).toMatchObject({ kind: 'quota-exceeded', limit });
  });

  it.each([
    ['CircularDependency', 400, 'validation', false],
    ['InvalidTemplateAttribute', 400, 'validation', false],
    ['InvalidTemplatePropertyType', 400, 'validation', false],
    ['InvalidTemplateReference', 400, 'validation', false],
    ['StackPolicyValidationFailed', 400, 'validation', false],
    ['StackValidationFailed', 400, 'validation', false],
    ['Forbidden.RAM', 403, 'access-denied', false],
    ['InvalidTimeStamp.Expired', 400, 'authentication', true],
    ['SignatureNonceUsed', 400, 'authentication', true],
    ['InvalidCredentials', 400, 'authentication', false],
    ['ServiceUnavailable', 503, 'provider-fault', true],
    ['SomethingNew', 400, 'provider-fault', false],
  ] as const)('should map %s (%i) to %s', (code, status, kind, retryable) => {
    expect(mapRosError(sdkError(code, status), { operation: 'create' })).toMatchObject({
      kind,
      retryable,
      code,
      httpStatus: status,
      requestId: 'R-1',
      message: 'boom',
      provider: 'alibaba-ros',
    });
  });

  it('should serialize without the raw cause', () => {
    const error = mapRosError(
      Object.assign(sdkError('Forbidden.RAM', 403), { request: { accessKeySecret: 'top-secret-value' } }),
      { operation: 'create' },
    );
    expect(JSON.stringify(error)).not.toContain('top-secret-value');
  });

  describe('having a network failure, as the SDK reports it', () => {
    it.each([
      [
        'getaddrinfo ENOTFOUND ros.aliyuncs.comPOST https://ros.aliyuncs.com/?Action=CreateChangeSet&ClientToken=t-1&StackName=s failed.',
        'POST https://ros.aliyuncs.com failed: getaddrinfo ENOTFOUND ros.aliyuncs.com',
      ],
      [
        'connect ECONNREFUSED 127.0.0.1:9POST http://127.0.0.1:9/?ChangeSetName=c&RegionId=cn-hangzhou failed.',
        'POST http://127.0.0.1:9 failed: connect ECONNREFUSED 127.0.0.1:9',
      ],
      ['socket hang up', 'socket hang up'],
    ])('should keep the socket error apart from the host, without the query: %s', (sdkMessage, expected) => {
      const code = /ENOTFOUND|ECONNREFUSED/.exec(sdkMessage)?.[0];
      const error = mapRosError(Object.assign(new Error(sdkMessage), { code }), { operation: 'create' });
      expect(error).toMatchObject({ kind: 'network', message: expected });
      expect(JSON.stringify(error)).not.toContain('/?');
    });
  });
});
