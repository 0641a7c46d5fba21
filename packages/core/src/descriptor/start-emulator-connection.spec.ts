import { describe, expect, it, vi } from 'vitest';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';
import { startEmulatorConnection } from './start-emulator-connection.js';

const providerWithDispose = (dispose: () => Promise<void>) =>
  ({ id: 'fake', dispose }) as unknown as ChangeSetProvider<string>;

describe(startEmulatorConnection, () => {
  describe('having a launcher', () => {
    it('should start on the address given, record an emulator connection and stop what it started', async () => {
      const close = vi.fn(async () => {});
      const dispose = vi.fn(async () => {});
      const start = vi.fn(async (listen: { host?: string; port?: number }) => ({
        endpoint: `http://${listen.host}:${listen.port}`,
        close,
      }));
      const running = await startEmulatorConnection(
        {
          start,
          wire: (server, options) => ({
            provider: providerWithDispose(dispose),
            settings: { region: 'r-1', shared: options.lockStore !== undefined },
            environment: { FAKE_ENDPOINT: server.endpoint },
          }),
        },
        { host: '0.0.0.0', port: 4567 },
      );
      expect(start).toHaveBeenCalledWith({ host: '0.0.0.0', port: 4567 });
      expect(running.connection.record).toEqual({
        endpoint: 'http://0.0.0.0:4567',
        credentialSource: 'emulator test credentials',
        emulator: true,
        settings: { region: 'r-1', shared: false },
      });
      expect(running.environment).toEqual({ FAKE_ENDPOINT: 'http://0.0.0.0:4567' });
      await running.connection.dispose();
      expect(dispose).toHaveBeenCalledOnce();
      await running.close();
      expect(close).toHaveBeenCalledOnce();
    });
  });

  describe('having a provider that cannot be wired', () => {
    it('should stop the emulator it started and pass the failure on', async () => {
      const close = vi.fn(async () => {});
      const started = startEmulatorConnection({
        start: async () => ({ endpoint: 'http://127.0.0.1:1', close }),
        wire: () => {
          throw new Error('no provider');
        },
      });
      await expect(started).rejects.toThrow('no provider');
      expect(close).toHaveBeenCalledOnce();
    });
  });
});
