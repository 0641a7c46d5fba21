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
      const started = await startEmulatorConnection(
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
      const running = started._unsafeUnwrap();
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

  describe('having no emulator package installed', () => {
    it('should give a missing-package problem that names the package to install', async () => {
      const absent = '@changeplane/absent-emulator';
      const wire = vi.fn();
      const started = await startEmulatorConnection({
        emulatorPackage: absent,
        start: async () => (await import(absent)) as never,
        wire,
      });
      expect(started._unsafeUnwrapErr()).toEqual({
        kind: 'missing-package',
        packageName: absent,
        message: `The embedded emulators need ${absent}, which is not installed: npm install ${absent}`,
      });
      expect(wire).not.toHaveBeenCalled();
    });

    it('should pass on a module missing for another reason, unchanged', async () => {
      const other = '@changeplane/absent-dependency';
      const started = startEmulatorConnection({
        emulatorPackage: '@changeplane/absent-emulator',
        start: async () => (await import(other)) as never,
        wire: vi.fn(),
      });
      await expect(started).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
    });
  });
});
