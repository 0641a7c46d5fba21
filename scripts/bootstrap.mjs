#!/usr/bin/env node
// Makes `npm run demo` and `npm test` work on a machine that has only Node and npm:
// installs the pinned pnpm locally when none is on PATH, installs the workspace from the
// lockfile when it changed since the last install, then runs the given pnpm command.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager; // pnpm@x.y.z
const pinnedVersion = pinned.split('@')[1];
const toolsDir = join(root, '.tools');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmOnPath() {
  const probe = spawnSync('pnpm', ['--version'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  return probe.status === 0 && probe.stdout.trim() === pinnedVersion;
}

function resolvePnpm() {
  if (pnpmOnPath()) return 'pnpm';
  const local = join(toolsDir, 'node_modules', '.bin', 'pnpm');
  if (!existsSync(local)) {
    console.error(`[bootstrap] installing ${pinned} into .tools/`);
    mkdirSync(toolsDir, { recursive: true });
    const status = run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', toolsDir, pinned]);
    if (status !== 0) process.exit(status);
  }
  return local;
}

function installIfNeeded(pnpm) {
  const lock = readFileSync(join(root, 'pnpm-lock.yaml'));
  const manifests = ['package.json', 'pnpm-workspace.yaml'].map((file) => readFileSync(join(root, file)));
  const digest = createHash('sha256')
    .update(Buffer.concat([lock, ...manifests]))
    .digest('hex');
  const marker = join(root, 'node_modules', '.changeplane-install');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === digest) return;
  const status = run(pnpm, ['install', '--frozen-lockfile'], {
    env: { ...process.env, COREPACK_ENABLE_STRICT: '0' },
  });
  if (status !== 0) process.exit(status);
  writeFileSync(marker, digest);
}

const [verb, ...rest] = process.argv.slice(2);
const pnpm = resolvePnpm();
installIfNeeded(pnpm);
if (verb === 'run' && rest.length > 0) {
  // Put the chosen pnpm first on PATH so nested `pnpm ...` in scripts use the same one.
  const binDir = pnpm === 'pnpm' ? undefined : dirname(pnpm);
  const env = binDir
    ? { ...process.env, PATH: `${binDir}${process.platform === 'win32' ? ';' : ':'}${process.env.PATH}` }
    : process.env;
  process.exit(run(pnpm, ['run', ...rest], { env }));
}
