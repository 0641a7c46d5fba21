/** The pseudo parameters of the ROS pseudo-parameters page; `ALIYUN::Index` only means something inside `Count`. */
export const pseudoParameterNames: ReadonlySet<string> = new Set([
  'ALIYUN::StackName',
  'ALIYUN::StackId',
  'ALIYUN::Region',
  'ALIYUN::AccountId',
  'ALIYUN::TenantId',
  'ALIYUN::ResourceGroupId',
  'ALIYUN::NoValue',
  'ALIYUN::Index',
]);

/** The emulator's account (executor and owner alike). */
const emulatorAccountId = '1234567890123456';

export interface StackIdentity {
  readonly stackId: string;
  readonly stackName: string;
  readonly regionId: string;
  readonly resourceGroupId?: string;
}

/**
 * The pseudo parameters as GetStack and GetChangeSet list them beside the template's own parameters
 * (`ALIYUN::NoValue` reads "None", as the service shows it).
 */
export function pseudoParameterValues(stack: StackIdentity): Record<string, string> {
  return {
    'ALIYUN::AccountId': emulatorAccountId,
    'ALIYUN::NoValue': 'None',
    'ALIYUN::Region': stack.regionId,
    'ALIYUN::StackId': stack.stackId,
    'ALIYUN::StackName': stack.stackName,
    'ALIYUN::TenantId': emulatorAccountId,
  };
}
