import { describe, expect, it } from 'vitest';
import { rosSession } from '../fidelity/ros-sdk-session.js';
import { byType, expectFinished, homeWithCredentialFiles, runPlan, writePlan } from './cli-files.js';
import { withEmulatorsProcess } from './run-changeplane.js';

/** A plan of one stack whose VSwitch refers to its VPC as `vpcId` says (a short form or a long one). */
const vswitchPlan = (vpcId: string) =>
  writePlan(
    [
      'version: 1',
      'ros:',
      '  stacks:',
      '    - name: edge',
      '      template:',
      "        ROSTemplateFormatVersion: '2015-09-01'",
      '        Resources:',
      '          EdgeVSwitch:',
      '            Type: ALIYUN::ECS::VSwitch',
      `            Properties: {VpcId: ${vpcId}, ZoneId: cn-hangzhou-h, CidrBlock: 10.0.1.0/24}`,
      '',
    ].join('\n'),
  );

const failureMessages = (events: Record<string, unknown>[]) =>
  byType(events, 'task-failed').map((event) =>
    String((event.error as { message: string }).message).replace(/change set \S+/, 'change set <id>'),
  );

describe('changeplane with ROS YAML short forms in a plan file', () => {
  describe('having `!Ref` to a resource the template does not declare', () => {
    it('should refuse it exactly as the long form `{Ref: ...}` is refused', async () => {
      const short = await runPlan(vswitchPlan('!Ref NoSuchVpc'), { command: 'plan' });
      const long = await runPlan(vswitchPlan('{Ref: NoSuchVpc}'), { command: 'plan' });
      expectFinished(long, 2);
      expectFinished(short, 2);
      expect(failureMessages(long.events)[0]).toContain('NoSuchVpc');
      expect(failureMessages(short.events)).toEqual(failureMessages(long.events));
    }, 60_000);
  });

  describe('having a tag that is not a ROS short form', () => {
    it('should exit 2 naming the file, line and column before anything is prepared', async () => {
      const plan = vswitchPlan('!Reff NoSuchVpc');
      const result = await runPlan(plan, { command: 'plan' });
      expectFinished(result, 2);
      const [invalid] = byType(result.events, 'input-invalid') as {
        issues: { file: string; path: string; message: string }[];
      }[];
      expect(invalid!.issues[0]!.file).toBe(plan);
      expect(invalid!.issues[0]!.path).toBe('ros.stacks[0].template.Resources.EdgeVSwitch.Properties.VpcId');
      expect(invalid!.issues[0]!.message).toMatch(/^line 10, column 33: .*!Reff/);
      expect(byType(result.events, 'task-added')).toEqual([]);
    });
  });

  describe('having stack outputs written with `!GetAtt`, `!Sub`, `!Join` and `!Ref`', () => {
    it('should apply them against the emulators and read back real values, not the literals', async () => {
      await withEmulatorsProcess('fast', async (environment) => {
        const plan = writePlan(
          [
            'version: 1',
            'ros:',
            `  endpoint: ${environment.CHANGEPLANE_ROS_ENDPOINT}`,
            '  stacks:',
            '    - name: edge-outputs',
            '      template:',
            "        ROSTemplateFormatVersion: '2015-09-01'",
            '        Resources:',
            '          EdgeVpc: {Type: ALIYUN::ECS::VPC, Properties: {CidrBlock: 10.0.0.0/8}}',
            '          EdgeVSwitch:',
            '            Type: ALIYUN::ECS::VSwitch',
            '            Properties: {VpcId: !Ref EdgeVpc, ZoneId: cn-hangzhou-h, CidrBlock: 10.0.1.0/24}',
            '        Outputs:',
            '          VpcId: {Value: !Ref EdgeVpc}',
            '          VSwitchId: {Value: !GetAtt EdgeVSwitch.VSwitchId}',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: ROS Fn::Sub text, not a JS template
            '          Sub: {Value: !Sub "${EdgeVpc}"}',
            "          Both: {Value: !Join ['/', [!Ref EdgeVpc, !GetAtt [EdgeVSwitch, VSwitchId]]]}",
            '',
          ].join('\n'),
        );
        const applied = await runPlan(plan, { emulators: false }, { HOME: homeWithCredentialFiles(environment) });
        const [row] = expectFinished(applied, 0).summary;
        const ros = rosSession({
          endpoint: environment.CHANGEPLANE_ROS_ENDPOINT!,
          regionId: 'cn-hangzhou',
          credentials: {
            accessKeyId: environment.ALIBABA_CLOUD_ACCESS_KEY_ID!,
            accessKeySecret: environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET!,
          },
        });
        const { stackId } = await ros.getChangeSet(row!.changeSetId!);
        const outputs = Object.fromEntries(
          ((await ros.getStack(stackId!)).outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]),
        );
        expect(outputs.VpcId).toMatch(/^vpc-/);
        expect(outputs.VSwitchId).toMatch(/^vswitch-/);
        expect(outputs.Sub).toBe(outputs.VpcId);
        expect(outputs.Both).toBe(`${outputs.VpcId}/${outputs.VSwitchId}`);
      });
    }, 120_000);
  });
});
