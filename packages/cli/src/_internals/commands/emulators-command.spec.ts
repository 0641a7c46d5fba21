import { type ProviderDescriptor, type ProviderRuntime, startEmulatorConnection } from '@changeplane/core/adapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeQueueDescriptor } from '../../../../../test/contract/fake-provider/fake-queue-descriptor.js';
import { fakeQueueRuntime } from '../../../../../test/contract/fake-provider/fake-queue-runtime.js';
import { FakeQueueService } from '../../../../../test/contract/fake-provider/fake-queue-service.js';
import { emulatorsCommand } from './emulators-command.js';

const absentPackage = '@changeplane/absent-emulator';

// The contract suite's third provider, as a plugin whose emulator package the user has not installed.
const withoutEmulatorPackage: ProviderDescriptor = {
  ...fakeQueueDescriptor,
  planSection: 'queues2',
  title: 'Queues II',
  load: async () => ({
    ...(fakeQueueRuntime as ProviderRuntime),
    startEmulator: (_speed, options) =>
      startEmulatorConnection(
        {
          emulatorPackage: absentPackage,
          start: async () => (await import(absentPackage)) as never,
          wire: () => {
            throw new Error('an emulator that did not start is never wired');
          },
        },
        options,
      ),
  }),
};

describe(emulatorsCommand, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe('having a provider whose emulator package is not installed', () => {
    it('should exit 2 naming the package to install, after stopping the emulators it started', async () => {
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const closed = vi.spyOn(FakeQueueService.prototype, 'close');
      const exitCode = await emulatorsCommand({ host: '127.0.0.1', emulatorSpeed: 'fast' }, [
        fakeQueueDescriptor as ProviderDescriptor,
        withoutEmulatorPackage,
      ]);
      expect(exitCode).toBe(2);
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toBe(
        `Queues II: The embedded emulators need ${absentPackage}, which is not installed: npm install ${absentPackage}\n`,
      );
      expect(stdout).not.toHaveBeenCalled();
      expect(closed).toHaveBeenCalledOnce();
    });
  });
});
