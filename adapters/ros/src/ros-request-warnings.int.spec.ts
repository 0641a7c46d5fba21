import { type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { RosProvider } from './ros-provider.js';

const template = {
  ROSTemplateFormatVersion: '2015-09-01',
  Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } },
};
const wait = { minDelayMs: 10, maxDelayMs: 50, maxWaitMs: 10_000 };

describe('RosProvider with parameters that take effect only with another ChangeSetType', () => {
  let emulator: RunningRosEmulator;
  afterEach(async () => {
    await emulator?.close();
  });

  it('should create the change set, leave them out of the request and report them on the handle', async () => {
    emulator = await startRosEmulator({ timing: { createMs: 20, executeMs: 20 } });
    const ros = RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
      waiter: { minDelayMs: 10, maxDelayMs: 50 },
    });
    // One request builder for CREATE and UPDATE: StackId, UsePreviousParameters and ReplacementOption are
    // UPDATE-only. The emulator refuses StackId with CREATE; the adapter never sends it.
    const handle = (
      await ros.create(
        {
          changeSetType: 'CREATE',
          regionId: 'cn-hangzhou',
          changeSetName: 'cs',
          stackName: 'web',
          stackId: 'from-the-shared-builder',
          usePreviousParameters: true,
          replacementOption: 'Enabled',
          templateBody: template,
          timeoutInMinutes: 10,
        },
        { wait },
      )
    )._unsafeUnwrap();
    expect(handle.outcome).toBe('ready');
    expect(handle.warnings?.map((warning) => `${warning.path} ${warning.rule}`)).toEqual([
      'stackId ignored',
      'usePreviousParameters ignored',
      'replacementOption ignored',
    ]);
    expect(emulator.requestCount('CreateChangeSet')).toBe(1);
  });

  it('should refuse a wrong type before any request', async () => {
    emulator = await startRosEmulator();
    const ros = RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: emulator.endpoint,
      credentials: emulator.credentials,
    });
    const created = await ros.create({
      changeSetType: 'CREATE',
      regionId: 'cn-hangzhou',
      changeSetName: 'cs',
      stackName: 'web',
      templateBody: template,
      timeoutInMinutes: '10',
    } as never);
    expect(created._unsafeUnwrapErr().kind).toBe('validation');
    expect(emulator.requestCount()).toBe(0);
  });
});
