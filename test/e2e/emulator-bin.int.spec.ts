import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const binary = fileURLToPath(new URL('../../packages/emulator/bin/changeplane-emulator.js', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [binary, ...args], { encoding: 'utf8', timeout: 20_000 });

describe('changeplane-emulator (the built binary)', () => {
  describe('having --help', () => {
    it('should print its usage and exit 0', () => {
      const result = run('--help');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Usage: changeplane-emulator');
    });
  });

  describe('having a bad port or an unknown option', () => {
    it('should name the problem and exit 2, without a stack trace', () => {
      for (const args of [['--ros-port', 'abc'], ['--marketplace-port', '70000'], ['--bogus']]) {
        const result = run(...args);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^changeplane-emulator: /);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  });

  describe('having a port already in use', () => {
    it('should say it cannot listen and exit 1', async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as { port: number };
      try {
        const result = run('--ros-port', String(port));
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('cannot listen');
        expect(result.stderr).not.toMatch(/\n\s+at /);
      } finally {
        server.close();
      }
    });
  });
});
