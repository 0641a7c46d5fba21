import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The eight published packages as a user gets them: `pnpm pack` each one, check the tarballs with publint
 * (--strict) and arethetypeswrong, `npm install` them into a project outside the workspace, then import
 * them from ESM and CommonJS, type-check under nodenext, node16 and bundler with skipLibCheck false, and
 * run the installed `changeplane` bin.
 */
const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const packages = [
  { dir: 'packages/core', name: '@changeplane/core' },
  { dir: 'packages/emulator', name: '@changeplane/emulator' },
  { dir: 'packages/cli', name: '@changeplane/cli' },
  { dir: 'adapters/ros', name: '@changeplane/ros' },
  { dir: 'adapters/aws-marketplace', name: '@changeplane/aws-marketplace' },
  { dir: 'packages/postgres', name: '@changeplane/postgres' },
  { dir: 'packages/server', name: '@changeplane/server' },
  { dir: 'packages/client', name: '@changeplane/client' },
] as const;

/**
 * Third-party type errors that `skipLibCheck: false` reports and no change of ours can fix, each named:
 * `@darabonba/typescript` (a dependency of `@alicloud/ros20190910`) imports `ws` in its declarations without
 * depending on `@types/ws` (TS7016). Users who check libraries add `@types/ws`.
 */
const thirdPartyErrors = [
  /^node_modules\/@darabonba\/typescript\/dist\/websocket\.d\.ts\(\d+,\d+\): error TS7016: .*'ws'/,
];

const sh = async (file: string, args: readonly string[], cwd: string) => {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      maxBuffer: 32 * 1024 * 1024,
      env: {
        ...process.env,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
};

const consumerTs = (rosClass: string) => `import 'reflect-metadata';
import RosSdk from '@alicloud/ros20190910';
import { type AwsMarketplaceProviderOptions, awsMarketplaceModule } from '@changeplane/aws-marketplace';
import { main, type PlanFile } from '@changeplane/cli';
import { type ChangeplaneClient, type ClientError, createClient, type RunView } from '@changeplane/client';
import { type ChangeSetError, ChangeSetRegistry, createChangeSetContainer } from '@changeplane/core';
import { type ProviderDescriptor, retryAttempts } from '@changeplane/core/adapter';
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { type RosClient, type RosProviderOptions, rosModule } from '@changeplane/ros';
import { Container } from 'inversify';
import type { ResultAsync } from 'neverthrow';

declare const client: RosClient;
const rosOptions: RosProviderOptions = { client, regionId: 'cn-hangzhou' };
// @ts-expect-error the client option is checked: a number is no ROS client
const notAClient: RosProviderOptions = { client: 42 };
// The SDK's own client is what the option takes (its default export is the whole CommonJS module under node16).
declare const fromSdk: InstanceType<typeof ${rosClass}>;
const sdkClient: RosClient = fromSdk;
const marketplaceOptions: AwsMarketplaceProviderOptions = { region: 'us-east-1' };
// The application's own inversify container loads the adapters' modules: one shared inversify.
const container = new Container();
container.load(rosModule(rosOptions), awsMarketplaceModule(marketplaceOptions));
const registry: ChangeSetRegistry = createChangeSetContainer(rosModule(rosOptions)).get(ChangeSetRegistry);
declare const pending: ResultAsync<number, ChangeSetError>;
const exitCode: Promise<number> = main(['--help']);
const plan: PlanFile | undefined = undefined;
const hostClient: ChangeplaneClient = createClient({ url: 'http://127.0.0.1:8080', token: 't' });
const waited: ResultAsync<RunView, ClientError> = hostClient.wait('run-id');
declare const descriptor: ProviderDescriptor;
export { container, descriptor, exitCode, notAClient, pending, plan, registry, retryAttempts, sdkClient, startMarketplaceEmulator, waited };
`;

const consumerCts = `import core = require('@changeplane/core');
import coreAdapter = require('@changeplane/core/adapter');
import ros = require('@changeplane/ros');
import marketplace = require('@changeplane/aws-marketplace');
import emulator = require('@changeplane/emulator');
import cli = require('@changeplane/cli');
import server = require('@changeplane/server');
import client = require('@changeplane/client');
export const loaded: readonly unknown[] = [core.createChangeSetContainer, coreAdapter.retryAttempts, ros.rosModule, marketplace.awsMarketplaceModule, emulator.startRosEmulator, cli.main, server.createServer, client.createClient];
`;

const probe = (load: string) => `${load}
console.log(JSON.stringify({
  core: typeof core.createChangeSetContainer,
  coreAdapter: typeof coreAdapter.retryAttempts,
  ros: typeof ros.rosModule,
  marketplace: typeof marketplace.awsMarketplaceModule,
  emulator: typeof emulator.startMarketplaceEmulator,
  cli: typeof cli.main,
  server: typeof server.createServer,
  client: typeof client.createClient,
}));
`;

const compilerOptions = {
  strict: true,
  skipLibCheck: false,
  noEmit: true,
  target: 'ES2023',
  lib: ['ES2023'],
  types: ['node'],
};

describe('the packed packages, installed with npm into a project outside the workspace', { timeout: 120_000 }, () => {
  let work: string;
  let tarballs: string[];
  let project: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'changeplane-consumer-'));
    const packs = join(work, 'tarballs');
    await mkdir(packs);
    const build = await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b'], root);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    for (const { dir } of packages) {
      const packed = await sh('pnpm', ['pack', '--pack-destination', packs], join(root, dir));
      expect(packed.code, packed.stderr).toBe(0);
    }
    tarballs = readdirSync(packs).map((file) => join(packs, file));
    project = join(work, 'project');
    await mkdir(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '0.0.0' }));
    const installed = await sh(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs, '@types/node@20'],
      project,
    );
    expect(installed.code, installed.stderr).toBe(0);
  }, 300_000);

  // The installed project is large: removing it takes longer than the default hook timeout on a busy machine.
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('should pack one tarball per package with no build info, specs or examples', async () => {
    expect(tarballs.map((file) => file.replace(/^.*\//, '')).sort()).toEqual([
      'changeplane-aws-marketplace-0.1.0.tgz',
      'changeplane-cli-0.1.0.tgz',
      'changeplane-client-0.1.0.tgz',
      'changeplane-core-0.1.0.tgz',
      'changeplane-emulator-0.1.0.tgz',
      'changeplane-postgres-0.1.0.tgz',
      'changeplane-ros-0.1.0.tgz',
      'changeplane-server-0.1.0.tgz',
    ]);
    for (const tarball of tarballs) {
      const listing = (await sh('tar', ['tzf', tarball], work)).stdout.split('\n');
      expect(listing).toContain('package/README.md');
      expect(listing).toContain('package/LICENSE');
      expect(listing.filter((file) => /tsbuildinfo|\.spec\.|node_modules/.test(file))).toEqual([]);
    }
  });

  it('should pass publint --strict for every tarball', async () => {
    for (const tarball of tarballs) {
      const result = await sh(bin('publint'), ['--strict', tarball], work);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.stdout).toContain('All good!');
    }
  });

  // arethetypeswrong does not model require() of ESM (Node >= 20.19; attw issue #252), so its
  // cjs-resolves-to-esm rule is the one ignored; every other rule and resolution mode is checked, and
  // require() is proven for real below.
  it('should pass arethetypeswrong for every tarball', async () => {
    for (const tarball of tarballs) {
      const result = await sh(
        bin('attw'),
        [tarball, '--ignore-rules', 'cjs-resolves-to-esm', '--format', 'ascii'],
        work,
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
  });

  it('should import every package from ESM and require() it from CommonJS', async () => {
    const expected = {
      core: 'function',
      coreAdapter: 'function',
      ros: 'function',
      marketplace: 'function',
      emulator: 'function',
      cli: 'function',
      server: 'function',
      client: 'function',
    };
    writeFileSync(
      join(project, 'esm.mjs'),
      probe(`import * as core from '@changeplane/core';
import * as coreAdapter from '@changeplane/core/adapter';
import * as ros from '@changeplane/ros';
import * as marketplace from '@changeplane/aws-marketplace';
import * as emulator from '@changeplane/emulator';
import * as cli from '@changeplane/cli';
import * as server from '@changeplane/server';
import * as client from '@changeplane/client';`),
    );
    writeFileSync(
      join(project, 'cjs.cjs'),
      probe(`const core = require('@changeplane/core');
const coreAdapter = require('@changeplane/core/adapter');
const ros = require('@changeplane/ros');
const marketplace = require('@changeplane/aws-marketplace');
const emulator = require('@changeplane/emulator');
const cli = require('@changeplane/cli');
const server = require('@changeplane/server');
const client = require('@changeplane/client');`),
    );
    for (const file of ['esm.mjs', 'cjs.cjs']) {
      const result = await sh(process.execPath, [file], project);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(expected);
    }
  });

  it('should share one inversify, neverthrow, reflect-metadata and zod with the application', async () => {
    const result = await sh(
      'npm',
      ['ls', '--all', '--parseable', 'inversify', 'neverthrow', 'reflect-metadata', 'zod'],
      project,
    );
    const copies = result.stdout
      .split('\n')
      .filter((line) => /node_modules\/(inversify|neverthrow|reflect-metadata|zod)$/.test(line));
    expect(copies.map((line) => line.replace(project, '')).sort()).toEqual([
      '/node_modules/inversify',
      '/node_modules/neverthrow',
      '/node_modules/reflect-metadata',
      '/node_modules/zod',
    ]);
  });

  it.each([
    {
      mode: 'nodenext',
      options: { module: 'nodenext', moduleResolution: 'nodenext' },
      files: { 'consumer.mts': consumerTs('RosSdk.default'), 'consumer.cts': consumerCts },
    },
    {
      mode: 'node16',
      options: { module: 'node16', moduleResolution: 'node16' },
      files: { 'consumer.mts': consumerTs('RosSdk.default') },
    },
    {
      mode: 'bundler',
      options: { module: 'preserve', moduleResolution: 'bundler' },
      files: { 'consumer.ts': consumerTs('RosSdk') },
    },
  ])('should type-check a consumer under $mode with skipLibCheck false', async ({ mode, options, files }) => {
    const dir = join(project, 'src', mode);
    await mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    const tsconfig = `tsconfig.${mode}.json`;
    writeFileSync(
      join(project, tsconfig),
      JSON.stringify({
        compilerOptions: { ...compilerOptions, ...options },
        files: Object.keys(files).map((file) => `src/${mode}/${file}`),
      }),
    );
    const result = await sh(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], project);
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    const ours = errors.filter((line) => !thirdPartyErrors.some((known) => known.test(line)));
    expect(ours, result.stdout).toEqual([]);
    expect(result.stdout).not.toContain('error TS2702');
  });

  it('should run the installed changeplane bin', async () => {
    const changeplane = join(project, 'node_modules', '.bin', 'changeplane');
    expect(existsSync(changeplane)).toBe(true);
    const help = await sh(changeplane, ['--help'], project);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: changeplane');
    expect(help.stdout).toMatch(/apply \[options\] <plan>/);
    const schema = await sh(changeplane, ['schema'], project);
    expect(schema.code, schema.stderr).toBe(0);
    const exported = await sh(
      process.execPath,
      ['-p', "JSON.stringify(require('@changeplane/cli/plan-file.schema.json'))"],
      project,
    );
    expect(JSON.parse(schema.stdout)).toEqual(JSON.parse(exported.stdout));
    expect(JSON.parse(schema.stdout)).toMatchObject({ title: 'changeplane plan file', type: 'object' });
  });
});
