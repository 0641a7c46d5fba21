import { type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { RosProvider } from './ros-provider.js';

describe('RosProvider client tokens on errors', () => {
  let emulator: RunningRosEmulator;
  afterEach(async () => {
    await emulator?.close();
  });

  describe('having a CreateChangeSet whose answer is lost after ROS acted', () => {
    it('should return the error with its ClientToken, and re-sending that token adopts the change set made', async () => {
      emulator = await startRosEmulator({
        timing: { createMs: 30, executeMs: 60 },
        faults: [{ kind: 'drop', operation: 'CreateChangeSet', after: true, count: 1 }],
      });
      const ros = RosProvider.fromOptions({
        regionId: 'cn-hangzhou',
        endpoint: emulator.endpoint,
        credentials: emulator.credentials,
        retry: { maxAttempts: 1 },
        waiter: { minDelayMs: 10, maxDelayMs: 50 },
      });
      const request = {
        changeSetType: 'CREATE' as const,
        regionId: 'cn-hangzhou',
        changeSetName: 'cs',
        stackName: 'adopted',
        templateBody: {
          ROSTemplateFormatVersion: '2015-09-01',
          Resources: { Vpc: { Type: 'ALIYUN::ECS::VPC', Properties: { CidrBlock: '10.0.0.0/8' } } },
        },
        timeoutInMinutes: 10,
      };
      const error = (await ros.create(request))._unsafeUnwrapErr();
      expect(error.kind).toBe('network');
      expect(error.clientToken).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      // Without the token a second create would meet StackExists; with it ROS answers with the same change set.
      const adopted = (
        await ros.create(request, { clientToken: error.clientToken!, wait: { minDelayMs: 10, maxDelayMs: 50 } })
      )._unsafeUnwrap();
      expect(emulator.changeSets().map((changeSet) => changeSet.changeSetId)).toEqual([adopted.changeSetId]);
    });
  });
});
