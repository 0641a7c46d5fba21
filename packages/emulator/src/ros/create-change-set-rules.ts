import { RosError } from './ros-error.js';
import type { RosRequestParameters } from './ros-request-parameters.js';

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The CreateChangeSet request limits of the API pages, checked before anything changes. The first broken
 * rule is answered, with MissingParameter or InvalidParameter naming the parameter, as the real API does.
 */
export function checkCreateChangeSetRequest(params: RosRequestParameters): void {
  if (!params.get('RegionId')) throw RosError.missing('RegionId');
  const name = params.get('ChangeSetName');
  if (!name) throw RosError.missing('ChangeSetName');
  if (name.length > 255 || !namePattern.test(name)) {
    throw RosError.invalid(
      'ChangeSetName',
      'up to 255 letters, digits, hyphens and underscores, starting with a letter or digit',
    );
  }
  const type = params.get('ChangeSetType') ?? 'UPDATE';
  if (!['CREATE', 'UPDATE', 'IMPORT'].includes(type))
    throw RosError.invalid('ChangeSetType', 'one of CREATE, UPDATE, IMPORT');
  const stackName = params.get('StackName');
  const stackId = params.get('StackId');
  if (type === 'CREATE') {
    if (!stackName) throw RosError.missing('StackName');
    if (stackId) throw RosError.invalid('StackId', 'not allowed when ChangeSetType is CREATE');
    if (!params.has('TimeoutInMinutes')) throw RosError.missing('TimeoutInMinutes');
  }
  if (type === 'UPDATE') {
    if (!stackId) throw RosError.missing('StackId');
    if (stackName) throw RosError.invalid('StackName', 'not allowed when ChangeSetType is UPDATE');
  }
  if (type === 'IMPORT' && !stackName && !stackId) throw RosError.missing('StackName');
  if (stackName !== undefined && (stackName.length > 255 || !namePattern.test(stackName))) {
    throw RosError.invalid(
      'StackName',
      'up to 255 letters, digits, hyphens and underscores, starting with a letter or digit',
    );
  }
  const sources = ['TemplateBody', 'TemplateURL', 'TemplateId'].filter((source) => params.has(source));
  if (sources.length !== 1)
    throw RosError.invalid('TemplateBody', 'specify exactly one of TemplateBody, TemplateURL and TemplateId');
  const body = params.get('TemplateBody');
  if (body !== undefined && (bytes(body) < 1 || bytes(body) > 524_288))
    throw RosError.invalid('TemplateBody', '1 to 524,288 bytes');
  const url = params.get('TemplateURL');
  if (url !== undefined && bytes(url) > 1_024) throw RosError.invalid('TemplateURL', 'at most 1,024 bytes');
  if (params.has('TemplateVersion') && !params.has('TemplateId'))
    throw RosError.invalid('TemplateVersion', 'only with TemplateId');
  const parameters = params.objects('Parameters');
  if (parameters.length > 200) throw RosError.invalid('Parameters', 'at most 200 parameters');
  parameters.forEach((parameter, index) => {
    if (parameter.ParameterKey === undefined) throw RosError.missing(`Parameters.${index + 1}.ParameterKey`);
    if (parameter.ParameterValue === undefined) throw RosError.missing(`Parameters.${index + 1}.ParameterValue`);
  });
  const urls = params.strings('NotificationURLs');
  if (urls.length > 5) throw RosError.invalid('NotificationURLs', 'at most 5 URLs');
  urls.forEach((item, index) => {
    if (bytes(item) > 1_024) throw RosError.invalid(`NotificationURLs.${index + 1}`, 'at most 1,024 bytes');
  });
  const timeout = params.integer('TimeoutInMinutes');
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 10 || timeout > 1_440)) {
    throw RosError.invalid('TimeoutInMinutes', 'an integer from 10 to 1440');
  }
  const policies = [
    'StackPolicyBody',
    'StackPolicyURL',
    'StackPolicyDuringUpdateBody',
    'StackPolicyDuringUpdateURL',
  ].filter((policy) => params.has(policy));
  if (type === 'IMPORT' && policies.length > 0)
    throw RosError.invalid(policies[0]!, 'no stack policy with ChangeSetType IMPORT');
  if (type === 'CREATE' && policies.some((policy) => policy.includes('DuringUpdate'))) {
    throw RosError.invalid('StackPolicyDuringUpdateBody', 'only with ChangeSetType UPDATE');
  }
  if (policies.length > 1) throw RosError.invalid(policies[1]!, `only one of ${policies.join(', ')} may be given`);
  for (const policy of ['StackPolicyBody', 'StackPolicyDuringUpdateBody']) {
    const value = params.get(policy);
    if (value === undefined) continue;
    if (bytes(value) < 1 || bytes(value) > 16_384) throw RosError.invalid(policy, '1 to 16,384 bytes');
    try {
      JSON.parse(value);
    } catch {
      throw RosError.invalid(policy, 'a JSON document');
    }
  }
  for (const policy of ['StackPolicyURL', 'StackPolicyDuringUpdateURL']) {
    const value = params.get(policy);
    if (value !== undefined && bytes(value) > 1_350) throw RosError.invalid(policy, 'at most 1,350 bytes');
  }
  const description = params.get('Description');
  if (description !== undefined && bytes(description) > 1_024)
    throw RosError.invalid('Description', 'at most 1,024 bytes');
  const token = params.get('ClientToken');
  if (token !== undefined && (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token))) {
    throw RosError.invalid('ClientToken', 'up to 64 letters, digits, hyphens and underscores');
  }
  const tags = params.objects('Tags');
  if (tags.length > 20) throw RosError.invalid('Tags', 'at most 20 tags');
  tags.forEach((tag, index) => {
    if (!tag.Key) throw RosError.missing(`Tags.${index + 1}.Key`);
  });
  const role = params.get('RamRoleName');
  if (role !== undefined && bytes(role) > 64) throw RosError.invalid('RamRoleName', 'at most 64 bytes');
  const replacement = params.get('ReplacementOption');
  if (replacement !== undefined) {
    if (!['Enabled', 'Disabled'].includes(replacement))
      throw RosError.invalid('ReplacementOption', 'Enabled or Disabled');
    if (type !== 'UPDATE') throw RosError.invalid('ReplacementOption', 'only with ChangeSetType UPDATE');
  }
  const imports = params.objects('ResourcesToImport');
  if (imports.length > 0 && type !== 'IMPORT')
    throw RosError.invalid('ResourcesToImport', 'only with ChangeSetType IMPORT');
  imports.forEach((resource, index) => {
    for (const field of ['ResourceType', 'LogicalResourceId', 'ResourceIdentifier']) {
      if (!resource[field]) throw RosError.missing(`ResourcesToImport.${index + 1}.${field}`);
    }
  });
  const parallelism = params.integer('Parallelism');
  if (parallelism !== undefined && (!Number.isInteger(parallelism) || parallelism < 0)) {
    throw RosError.invalid('Parallelism', 'an integer of at least 0');
  }
}
