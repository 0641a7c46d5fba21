import { type ProviderRuntime, startEmulatorConnection } from '@changeplane/core/adapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeQueueDescriptor } from '../../../../../test/contract/fake-provider/fake-queue-descriptor.js';
import { fakeQueueRuntime } from '../../../../../test/contract/fake-provider/fake-queue-runtime.js';
import { FakeQueueService } from '../../../../../test/contract/fake-provider/fake-queue-service.js';
import { connectProviders } from './connect-providers.js';

const absentPackage = '@changeplane/absent-emulator';

const never = (): never => {
  throw new Error('an emulator that did not start is never wired');
};

// The contract suite's third provider, as a plugin whose emulator package the user has not installed.
const withoutEmulatorPackage: ProviderRuntime = {
  ...(fakeQueueRuntime as ProviderRuntime),
  startEmulator: (_speed, options) =>
    startEmulatorConnection(
      {
        emulatorPackage: absentPackage,
        start: async () => (await import(absentPackage)) as never,
        wire: () => never(),
      },
      options,
    ),
};

describe(connectProviders, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const options = { emulators: true, speed: 'fast', env: {} } as const;

  describe('having --emulators and every emulator package installed', () => {
    it('should connect each provider to its emulator', async () => {
      const outcome = await connectProviders(
        [{ descriptor: fakeQueueDescriptor, runtime: fakeQueueRuntime as ProviderRuntime, options: {} }],
        options,
      );
      expect(outcome).toMatchObject({ ok: true, emulators: 'requested' });
      if (!outcome.ok) return;
      expect([...outcome.connections.keys()]).toEqual([fakeQueueDescriptor.id]);
      await outcome.close();
    });
  });

  describe('having --emulators and a provider whose emulator package is not installed', () => {
    it('should refuse with a problem naming the package to install and stop the emulators it started', async () => {
      const closed = vi.spyOn(FakeQueueService.prototype, 'close');
      const outcome = await connectProviders(
        [
          { descriptor: fakeQueueDescriptor, runtime: fakeQueueRuntime as ProviderRuntime, options: {} },
          { descriptor: { ...fakeQueueDescriptor, title: 'Queues II' }, runtime: withoutEmulatorPackage, options: {} },
        ],
        options,
      );
      expect(outcome).toEqual({
        ok: false,
        problems: [
          `Queues II: The embedded emulators need ${absentPackage}, which is not installed: npm install ${absentPackage}`,
        ],
      });
      expect(closed).toHaveBeenCalledOnce();
    });
  });
});
