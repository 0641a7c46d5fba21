import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosSession } from './ros-sdk-session.js';
import { findRosTemplates, measureRosTemplates } from './ros-template-measurement.js';

const corpus = join(import.meta.dirname, 'ros-templates');
const text = (file: string) => readFileSync(join(corpus, file), 'utf8');
const id = (prefix: string) => expect.stringMatching(new RegExp(`^${prefix}-[0-9a-f]{20}$`));
const big = Object.fromEntries(
  Array.from({ length: 200 }, (_, n) => [
    `Setting${String(n + 1).padStart(3, '0')}`,
    `value-${n + 1}-${'v'.repeat(200)}`,
  ]),
);

interface FidelityCase {
  readonly parameters?: Record<string, string>;
  /** LogicalResourceIds of the CREATE change set, in template order. */
  readonly changes: readonly string[];
  /** GetStack's outputs after the execution, by OutputKey (stack name known in advance as `stack`). */
  readonly outputs: (stack: { name: string; id: string }) => Record<string, unknown>;
}

/** Our own corpus (test/fidelity/ros-templates): each shape real templates use, with what the emulator must answer. */
const cases: Record<string, FidelityCase> = {
  'vpc-short-forms.yml': {
    parameters: { ZoneId: 'cn-hangzhou-h' },
    changes: ['Vpc', 'VSwitch'],
    outputs: (stack) => ({
      VpcId: expect.stringMatching(/^vpc-[0-9a-f]{20}$/), // GetAtt of the resource's own id
      VSwitchName: `${stack.name}-vsw`,
      Summary: 'vpc 192.168.0.0/16 in cn-hangzhou, zone cn-hangzhou-h',
    }),
  },
  'ecs-mappings-conditions.json': {
    parameters: { VSwitchId: 'vsw-1', SecurityGroupId: 'sg-1', Environment: 'prod', Architecture: 'arm' },
    changes: ['Instance', 'ProductionAlarm'],
    outputs: () => ({
      ImageId: 'aliyun_3_arm64_20G_alibase_20240819.vhd',
      Tier: 'production',
      FirstZone: 'cn-hangzhou-h',
      AlarmName: 'cpu', // GetAtt of a property the template sets
    }),
  },
  'terraform-workspace.yml': {
    parameters: { zone_id: 'cn-hangzhou-h' },
    changes: ['alicloud_vswitch.vsw', 'modules.vpc.alicloud_vpc.vpc'],
    outputs: () => ({ vsw_id: expect.stringMatching(/^vsw_id-[0-9a-f]{16}$/) }),
  },
  'terraform-metadata.json': {
    changes: ['alicloud_oss_bucket.bucket', 'alicloud_oss_bucket_acl.acl'],
    outputs: () => ({ bucket_domain: expect.stringMatching(/^bucket_domain-/) }),
  },
  'locals-datasource.yml': {
    changes: ['Vpc', 'VSwitch'],
    outputs: () => ({
      Prefix: 'app-cn-hangzhou',
      ZoneIds: [expect.stringMatching(/^zones-.*\.ZoneIds\.0$/), expect.stringMatching(/\.ZoneIds\.1$/)],
    }),
  },
  'datasource-module-custom.yml': {
    changes: ['Images', 'Network', 'Domain', 'Secret'],
    outputs: () => ({
      ImageId: expect.stringMatching(/^images-[0-9a-f]{20}\.ImageIds\.0$/),
      DomainRecord: expect.stringMatching(/^domainname-[0-9a-f]{20}\.Record$/),
      SecretValue: expect.stringMatching(/^randomstring-[0-9a-f]{20}\.Value$/),
    }),
  },
  'nested-stack-inline.yml': {
    changes: ['Network'],
    outputs: () => ({ NestedVpc: expect.stringMatching(/^stack-[0-9a-f]{20}\.Outputs\.InnerVpcId$/) }),
  },
  'nested-stack-text.json': { changes: ['Bucket'], outputs: () => ({ StackId: id('stack') }) },
  'stack-group.yml': {
    changes: ['StackGroup'],
    outputs: () => ({ StackGroupName: 'changeplane-baseline' }),
  },
  'rules-conditions.yml': {
    parameters: { Environment: 'test' },
    changes: ['Database', 'Replica'],
    outputs: () => ({ Replicated: 'yes', BackupSkipped: 'skipped', ReplicaId: id('readonlydbinstance') }),
  },
  'metadata-noecho.yml': {
    parameters: { InstancePassword: 'Secret-Passw0rd' },
    changes: ['SecurityGroup'],
    outputs: () => ({ SecurityGroupId: expect.stringMatching(/^securitygroup-[0-9a-f]{20}$/) }),
  },
  'serverless-transform.yml': { changes: ['Service', 'Logs'], outputs: () => ({}) },
  'count-index.yml': { changes: ['Vpc', 'VSwitches'], outputs: () => ({ VSwitchCount: 3 }) },
  'functions-dependson.json': {
    changes: ['Bucket', 'Queue', 'Topic'],
    outputs: () => ({
      Encoded: Buffer.from('hello world').toString('base64'),
      Dashed: 'hello-world',
      Second: 'beta',
      Words: ['hello', 'world'],
      Retention: 7,
      BucketDomain: expect.stringMatching(/^bucket-[0-9a-f]{20}\.DomainName$/),
    }),
  },
  'pseudo-parameters.yml': {
    changes: ['Role'],
    outputs: (stack) => ({
      Region: 'cn-hangzhou',
      StackName: stack.name,
      StackId: stack.id,
      AccountId: expect.stringMatching(/^\d{16}$/),
      TenantId: expect.stringMatching(/^\d{16}$/),
      RoleName: `${stack.name}-role`,
    }),
  },
  'big-parameters.yml': {
    parameters: big,
    changes: ['Config'],
    outputs: () => ({ First: big.Setting001, Last: big.Setting200 }),
  },
  'wordpress-user-data.yml': {
    parameters: { VSwitchId: 'vsw-1', SecurityGroupId: 'sg-1', DBPassword: 'Db-Passw0rd' },
    changes: ['WaitConditionHandle', 'WaitCondition', 'Database', 'Web'],
    outputs: () => ({
      WebsiteURL: expect.stringMatching(/^http:\/\/instance-[0-9a-f]{20}\.PublicIp\/wp-admin$/),
      DatabaseEndpoint: expect.stringMatching(/\.InnerConnectionString$/),
    }),
  },
  'parameter-types.yml': {
    parameters: {
      Size: '100',
      Zones: 'cn-hangzhou-h, cn-hangzhou-i',
      Options: '{"tier":"gold"}',
      Enabled: 'true',
      Name: 'data',
    },
    changes: ['Disk'],
    outputs: () => ({ Size: 100, SecondZone: 'cn-hangzhou-i', Tier: 'gold', Enabled: true, Label: 'data:100' }),
  },
};

describe('the ROS fidelity corpus (test/fidelity/ros-templates) through the official SDK client', () => {
  let emulator: RunningRosEmulator;
  let ros: ReturnType<typeof rosSession>;
  beforeAll(async () => {
    emulator = await startRosEmulator({ timing: { createMs: 10, executeMs: 10 } });
    ros = rosSession(emulator);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('should hold a case for every template file of the corpus, YAML and JSON', () => {
    const files = findRosTemplates(corpus).map((file) => file.slice(corpus.length + 1));
    expect(files.sort()).toEqual(Object.keys(cases).sort());
    expect(files.filter((file) => file.endsWith('.json')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(Object.entries(cases))('should create, execute and show the outputs of %s', async (file, expected) => {
    const stackName = `fidelity-${file.replace(/\W+/g, '-')}`;
    const { changeSetId, stackId, changeSet } = await ros.createChangeSet({
      changeSetName: 'fidelity',
      stackName,
      templateBody: text(file),
      parameters: ros.parameters(expected.parameters ?? {}),
    });
    expect(changeSet).toMatchObject({ status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE' });
    const changed = (changeSet.changes ?? []).map(
      (change) => (change.ResourceChange as { LogicalResourceId: string }).LogicalResourceId,
    );
    expect(changed).toEqual(expected.changes);
    const stack = await ros.execute(changeSetId!, stackId!);
    expect(stack.status).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack.outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
    expect(outputs).toEqual(expected.outputs({ name: stackName, id: stackId! }));
    const parameterKeys = (stack.parameters ?? []).map((parameter) => parameter.parameterKey);
    expect(parameterKeys).toEqual(
      expect.arrayContaining(['ALIYUN::AccountId', 'ALIYUN::Region', 'ALIYUN::StackId', 'ALIYUN::StackName']),
    );
  });

  it('should mask a NoEcho parameter in GetStack and GetChangeSet', async () => {
    const { changeSetId, stackId, changeSet } = await ros.createChangeSet({
      changeSetName: 'noecho',
      stackName: 'fidelity-noecho',
      templateBody: text('metadata-noecho.yml'),
      parameters: ros.parameters({ InstancePassword: 'Secret-Passw0rd' }),
    });
    const password = (list: { parameterKey?: string; parameterValue?: string }[] | undefined) =>
      list?.find((parameter) => parameter.parameterKey === 'InstancePassword')?.parameterValue;
    expect(password(changeSet.parameters)).toBe('****');
    expect(password((await ros.execute(changeSetId!, stackId!)).parameters)).toBe('****');
  });

  it('should get a change set for every corpus template through the ROS adapter too', async () => {
    const results = await measureRosTemplates(findRosTemplates(corpus), emulator, { root: corpus, concurrency: 4 });
    expect(results.filter((result) => !result.accepted)).toEqual([]);
    expect(results).toHaveLength(Object.keys(cases).length);
  });
});
