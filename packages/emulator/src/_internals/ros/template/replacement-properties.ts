/**
 * Properties whose change replaces the resource (ROS: the resource type page marks them "Update not
 * allowed"; the change set says RequiresRecreation Always). A small table for the resource types the
 * emulator's users test with, not the ROS resource specification: a property not listed here updates in
 * place (docs/provider-notes.md).
 */
const replacedOnChange: Readonly<Record<string, readonly string[]>> = {
  'ALIYUN::ECS::VPC': ['CidrBlock', 'Ipv6CidrBlock'],
  'ALIYUN::ECS::VSwitch': ['CidrBlock', 'ZoneId', 'VpcId'],
  'ALIYUN::ECS::SecurityGroup': ['VpcId', 'SecurityGroupType'],
  'ALIYUN::ECS::Instance': ['ZoneId', 'VSwitchId', 'VpcId'],
  'ALIYUN::OSS::Bucket': ['BucketName'],
  'ALIYUN::RDS::DBInstance': ['Engine', 'ZoneId', 'VPCId'],
  'ALIYUN::SLB::LoadBalancer': ['VpcId', 'VSwitchId', 'AddressType'],
};

/** Whether changing `property` of a resource of `type` replaces it. */
export function requiresRecreation(type: string, property: string): 'Always' | 'Never' {
  return replacedOnChange[type]?.includes(property) ? 'Always' : 'Never';
}
