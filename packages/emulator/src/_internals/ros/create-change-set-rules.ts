import { RosError } from './ros-error.js';
import type { RosRequestParameters } from './ros-request-parameters.js';

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * The CreateChangeSet request limits of the API pages, checked before anything changes. The first broken
 * rule is answered, with MissingParameter or InvalidParameter naming the parameter, as the real API does.
 */
export function checkCreateChangeSetRequest(params: RosRequestParameters): void {
  checkParameterTypes(params);
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
  // StackId "takes effect only" with UPDATE or IMPORT, StackName with CREATE or IMPORT: given for another
  // type, they are ignored (docs/provider-notes.md).
  if (type === 'CREATE') {
    if (!stackName) throw RosError.missing('StackName');
    if (!params.has('TimeoutInMinutes')) throw RosError.missing('TimeoutInMinutes');
  }
  if (type === 'UPDATE' && !stackId) throw RosError.missing('StackId');
  if (type === 'IMPORT' && !stackName && !stackId) throw RosError.missing('StackName');
  if (type !== 'UPDATE' && stackName !== undefined && (stackName.length > 255 || !namePattern.test(stackName))) {
    throw RosError.invalid(
      'StackName',
      'up to 255 letters, digits, hyphens and underscores, starting with a letter or digit',
    );
  }
  const sources = ['TemplateBody', 'TemplateURL', 'TemplateId'].filter((source) => params.has(source));
  // An IMPORT from a resource scenario (TemplateScratchId) takes no template parameters at all.
  const fromScratch = type === 'IMPORT' && params.has('TemplateScratchId') && sources.length === 0;
  if (sources.length !== 1 && !fromScratch)
    throw RosError.invalid('TemplateBody', 'specify exactly one of TemplateBody, TemplateURL and TemplateId');
  const body = params.get('TemplateBody');
  if (body !== undefined && (bytes(body) < 1 || bytes(body) > 524_288))
    throw RosError.invalid('TemplateBody', '1 to 524,288 bytes');
  const url = params.get('TemplateURL');
  if (url !== undefined && bytes(url) > 1_024) throw RosError.invalid('TemplateURL', 'at most 1,024 bytes');
  // TemplateVersion "takes effect only when TemplateId is specified": ignored otherwise.
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
  // The during-update policy "takes effect only" with UPDATE: ignored for CREATE and IMPORT, and then not
  // counted against "only one of". CREATE takes one of StackPolicyBody and StackPolicyURL; UPDATE one of four.
  const policies = [
    'StackPolicyBody',
    'StackPolicyURL',
    ...(type === 'UPDATE' ? ['StackPolicyDuringUpdateBody', 'StackPolicyDuringUpdateURL'] : []),
  ].filter((policy) => params.has(policy));
  if (type === 'IMPORT' && policies.length > 0)
    throw RosError.invalid(policies[0]!, 'no stack policy with ChangeSetType IMPORT');
  if (policies.length > 1) throw RosError.invalid(policies[1]!, `only one of ${policies.join(', ')} may be given`);
  for (const policy of ['StackPolicyBody', 'StackPolicyDuringUpdateBody']) {
    if (!policies.includes(policy)) continue;
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
    if (!policies.includes(policy)) continue;
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
  // ReplacementOption takes effect only with UPDATE, ResourcesToImport only with IMPORT: otherwise ignored.
  const replacement = params.get('ReplacementOption');
  if (type === 'UPDATE' && replacement !== undefined && !['Enabled', 'Disabled'].includes(replacement))
    throw RosError.invalid('ReplacementOption', 'Enabled or Disabled');
  const imports = type === 'IMPORT' ? params.objects('ResourcesToImport') : [];
  imports.forEach((resource, index) => {
    for (const field of ['ResourceType', 'LogicalResourceId', 'ResourceIdentifier']) {
      if (!resource[field]) throw RosError.missing(`ResourcesToImport.${index + 1}.${field}`);
    }
  });
  // Parallelism takes effect only with CREATE or UPDATE: ignored for IMPORT.
  const parallelism = params.integer('Parallelism');
  if (type !== 'IMPORT' && parallelism !== undefined && parallelism < 0) {
    throw RosError.invalid('Parallelism', 'an integer of at least 0');
  }
  params.strings('TaintResources').forEach((item, index) => {
    if (item.length === 0) throw RosError.invalid(`TaintResources.${index + 1}`, 'a logical resource ID');
  });
}

/** The Boolean and Long (Integer) parameters of the actions the emulator answers, by the SDK 3.7.0 models. */
const booleanParameters = ['DisableRollback', 'UsePreviousParameters', 'ShowTemplate'];
const longParameters = ['TimeoutInMinutes', 'Parallelism', 'PageNumber', 'PageSize'];

/**
 * Values of the wrong type, refused before any other rule as the service's gateway does: a Boolean parameter
 * is `true` or `false`, a Long parameter a whole number.
 */
export function checkParameterTypes(params: RosRequestParameters): void {
  for (const name of booleanParameters) {
    const value = params.get(name);
    if (value !== undefined && !/^(true|false)$/i.test(value))
      throw RosError.invalid(name, `a Boolean (true or false), got ${JSON.stringify(value.slice(0, 64))}`);
  }
  for (const name of longParameters) {
    const value = params.get(name);
    if (value !== undefined && !/^-?\d{1,18}$/.test(value))
      throw RosError.invalid(name, `a Long (a whole number), got ${JSON.stringify(value.slice(0, 64))}`);
  }
}
