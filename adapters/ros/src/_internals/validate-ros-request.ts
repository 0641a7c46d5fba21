import type { ValidationError, ValidationIssue } from '@changeplane/core';
import {
  type CheckedRequest,
  createValidationError,
  parseRequest,
  resolveClientToken,
} from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { RosChangeSetRequest, RosJsonObject } from '../ros-change-set-request.js';
import { rosApiLimits as limits, utf8Bytes } from './ros-api-limits.js';
import { rosClientTokenRule } from './ros-client-token-rule.js';
import { rosProviderId } from './ros-provider-id.js';
import { rosPlainRequestSchema } from './ros-request-schema.js';
import { templateTextProblem } from './ros-template-text.js';

const providerId = rosProviderId;
type Field = keyof RosChangeSetRequest;
type ChangeSetType = NonNullable<RosChangeSetRequest['changeSetType']>;

/**
 * The parameters whose API page says "takes effect only when ...": with any other ChangeSetType (or without
 * TemplateId) the service ignores them, so the adapter leaves them out of the request with a warning instead
 * of refusing a request the service would take (one request builder for CREATE and UPDATE keeps working).
 */
const onlyWith: readonly { readonly field: Field; readonly types: readonly ChangeSetType[] }[] = [
  { field: 'stackId', types: ['UPDATE', 'IMPORT'] },
  { field: 'stackName', types: ['CREATE', 'IMPORT'] },
  { field: 'usePreviousParameters', types: ['UPDATE', 'IMPORT'] },
  { field: 'disableRollback', types: ['CREATE', 'IMPORT'] },
  { field: 'parallelism', types: ['CREATE', 'UPDATE'] },
  { field: 'replacementOption', types: ['UPDATE'] },
  { field: 'stackPolicyDuringUpdateBody', types: ['UPDATE'] },
  { field: 'stackPolicyDuringUpdateURL', types: ['UPDATE'] },
  { field: 'resourcesToImport', types: ['IMPORT'] },
  { field: 'templateScratchId', types: ['IMPORT'] },
];

/**
 * A request that fixes no ChangeSetType and names its stack by name alone: `create` looks the stack up in
 * the region and makes a CREATE change set when there is none, an UPDATE one against it when there is.
 */
export function isStackByName(request: RosChangeSetRequest): boolean {
  return request.changeSetType === undefined && request.stackId === undefined && request.stackName !== undefined;
}

const asText = (value: string | RosJsonObject) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Any input into the CreateChangeSet request the adapter will send, with a warning for each parameter it
 * leaves out, or one validation error listing every broken rule with its field. Types come first
 * (`rosRequestSchema`, compiled as `rosPlainRequestSchema`, on a detached plain copy, so nothing the caller
 * passes can throw), then every limit of the API pages (`rosApiLimits`), the required and mutually exclusive parameters. No network call.
 */
export function checkRosRequest(input: unknown): Result<CheckedRequest<RosChangeSetRequest>, ValidationError> {
  const parsed = parseRequest(rosPlainRequestSchema, input, { provider: providerId, operation: 'create' });
  if (parsed.isErr()) return err(parsed.error);
  const given: RosChangeSetRequest = parsed.value;
  const type: ChangeSetType = given.changeSetType ?? 'UPDATE';
  // By name, the type is known after the lookup: keep what CREATE or UPDATE takes (checked again then).
  const byName = isStackByName(given);
  const applies = (types: readonly ChangeSetType[]) =>
    byName ? types.includes('CREATE') || types.includes('UPDATE') : types.includes(type);
  const typeNow = byName ? 'CREATE or UPDATE, by stack name' : type;

  const warnings: ValidationIssue[] = [];
  const kept: Record<string, unknown> = { ...given };
  const ignore = (field: Field, condition: string) => {
    if (kept[field] === undefined) return;
    delete kept[field];
    warnings.push({
      path: field,
      rule: 'ignored',
      message: `takes effect only when ${condition}: left out of the request`,
    });
  };
  for (const { field, types } of onlyWith) {
    // The message is only built for a member that is there: most requests give none of these.
    if (kept[field] !== undefined && !applies(types))
      ignore(field, `changeSetType is ${types.join(' or ')} (it is ${typeNow})`);
  }
  if (kept.templateId === undefined) ignore('templateVersion', 'templateId is given');
  const request = kept as unknown as RosChangeSetRequest;

  const issues: ValidationIssue[] = [];
  const issue = (path: string, rule: string, message: string) => issues.push({ path, rule, message });
  const name = (path: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value.length < 1 || value.length > limits.name.maxChars)
      issue(path, 'length', `must be 1 to ${limits.name.maxChars} characters`);
    else if (!limits.name.pattern.test(value)) {
      issue(
        path,
        'pattern',
        'may contain only letters, digits, hyphens and underscores, and must start with a letter or digit',
      );
    }
  };
  const notEmpty = (path: string, value: string | undefined, why = 'must not be empty') => {
    if (value !== undefined && value.length === 0) issue(path, 'required', why);
  };

  if (request.regionId === '') issue('regionId', 'required', 'is required');
  if (request.changeSetName === '') issue('changeSetName', 'required', 'is required');
  else name('changeSetName', request.changeSetName);
  name('stackName', request.stackName);
  notEmpty('stackId', request.stackId);
  if (byName && request.timeoutInMinutes === undefined)
    issue('timeoutInMinutes', 'required', 'is required when the stack is looked up by name (it may be created)');
  if (type === 'CREATE') {
    if (!request.stackName) issue('stackName', 'required', 'is required when changeSetType is CREATE');
    if (request.timeoutInMinutes === undefined)
      issue('timeoutInMinutes', 'required', 'is required when changeSetType is CREATE');
  }
  if (type === 'UPDATE' && !request.stackId && !byName) {
    issue(
      'stackId',
      'required',
      'is required when changeSetType is UPDATE (without a type, stackName alone looks it up)',
    );
  }
  if (type === 'IMPORT' && !request.stackName && !request.stackId) {
    issue('stackName', 'required', 'IMPORT needs stackName (a new stack) or stackId (an existing one)');
  }

  const sources = (['templateBody', 'templateURL', 'templateId'] as const).filter((key) => request[key] !== undefined);
  if (request.templateScratchId !== undefined) {
    notEmpty('templateScratchId', request.templateScratchId);
    if (sources.length > 0)
      issue(sources[0]!, 'exclusive', 'give templateScratchId alone: a resource scenario takes no template');
  } else if (sources.length !== 1) {
    issue(
      'templateBody',
      'oneOf',
      `exactly one of templateBody, templateURL and templateId is required, got ${sources.length}`,
    );
  }
  if (request.templateBody !== undefined) {
    const size = utf8Bytes(asText(request.templateBody));
    const { min, max } = limits.templateBodyBytes;
    if (size < min || size > max) issue('templateBody', 'size', `must be ${min} to ${max} bytes, got ${size}`);
    else if (typeof request.templateBody === 'string') {
      const problem = templateTextProblem(request.templateBody);
      if (problem !== undefined) issue('templateBody', 'template', problem);
    }
  }
  if (request.templateURL !== undefined && utf8Bytes(request.templateURL) > limits.templateURLBytes)
    issue('templateURL', 'size', `must be at most ${limits.templateURLBytes} bytes`);
  notEmpty('templateURL', request.templateURL);
  notEmpty('templateId', request.templateId);

  const parameters = Object.keys(request.parameters ?? {});
  if (parameters.length > limits.parameters)
    issue('parameters', 'maxItems', `at most ${limits.parameters} parameters, got ${parameters.length}`);
  if (parameters.includes('')) issue('parameters[""]', 'required', 'a parameter needs a name (ParameterKey)');
  const urls = request.notificationURLs ?? [];
  if (urls.length > limits.notificationURLs.maxItems)
    issue('notificationURLs', 'maxItems', `at most ${limits.notificationURLs.maxItems} URLs, got ${urls.length}`);
  urls.forEach((url, index) => {
    if (utf8Bytes(url) > limits.notificationURLs.maxBytes)
      issue(`notificationURLs[${index}]`, 'size', `must be at most ${limits.notificationURLs.maxBytes} bytes`);
    notEmpty(`notificationURLs[${index}]`, url);
  });
  const timeout = request.timeoutInMinutes;
  if (
    timeout !== undefined &&
    (!Number.isInteger(timeout) || timeout < limits.timeoutInMinutes.min || timeout > limits.timeoutInMinutes.max)
  ) {
    issue('timeoutInMinutes', 'range', 'must be a whole number of minutes from 10 to 1440');
  }

  const policies = (
    ['stackPolicyBody', 'stackPolicyURL', 'stackPolicyDuringUpdateBody', 'stackPolicyDuringUpdateURL'] as const
  ).filter((key) => request[key] !== undefined);
  if (type === 'IMPORT' && policies.length > 0)
    issue(policies[0]!, 'forbidden', 'a change set of type IMPORT takes no stack policy');
  else if (policies.length > 1) issue(policies[1]!, 'exclusive', `only one of ${policies.join(', ')} may be given`);
  for (const key of ['stackPolicyBody', 'stackPolicyDuringUpdateBody'] as const) {
    const value = request[key];
    if (value === undefined) continue;
    const text = asText(value);
    const { min, max } = limits.stackPolicyBodyBytes;
    if (utf8Bytes(text) < min || utf8Bytes(text) > max) issue(key, 'size', `must be ${min} to ${max} bytes`);
    else if (typeof value === 'string' && !isJsonObjectText(value))
      issue(key, 'json', 'must be a JSON object (a stack policy document)');
  }
  for (const key of ['stackPolicyURL', 'stackPolicyDuringUpdateURL'] as const) {
    const url = request[key];
    if (url !== undefined && utf8Bytes(url) > limits.stackPolicyURLBytes)
      issue(key, 'size', `must be at most ${limits.stackPolicyURLBytes} bytes`);
    notEmpty(key, url);
  }
  if (request.description !== undefined && utf8Bytes(request.description) > limits.descriptionBytes)
    issue('description', 'size', `must be at most ${limits.descriptionBytes} bytes`);
  // Without a token there is nothing to check (resolveClientToken would only make one to throw away).
  if (request.clientToken !== undefined) {
    const token = resolveClientToken(rosClientTokenRule, request.clientToken);
    if (token.isErr()) issues.push(token.error);
  }
  const tags = request.tags;
  if (tags !== undefined) {
    if (tags.length < limits.tags.minItems || tags.length > limits.tags.maxItems)
      issue(
        'tags',
        'maxItems',
        `must hold ${limits.tags.minItems} to ${limits.tags.maxItems} tags, got ${tags.length}`,
      );
    tags.forEach((tag, index) => {
      if (!tag.key) issue(`tags[${index}].key`, 'required', 'is required');
    });
  }
  if (request.ramRoleName !== undefined && utf8Bytes(request.ramRoleName) > limits.ramRoleNameBytes)
    issue('ramRoleName', 'size', `must be at most ${limits.ramRoleNameBytes} bytes`);
  request.resourcesToImport?.forEach((resource, index) => {
    for (const field of ['resourceType', 'logicalResourceId', 'resourceIdentifier'] as const) {
      if (typeof resource[field] === 'string' && resource[field] === '')
        issue(`resourcesToImport[${index}].${field}`, 'required', 'is required');
    }
    const identifier = resource.resourceIdentifier;
    if (typeof identifier === 'string' && identifier !== '' && !isJsonObjectText(identifier))
      issue(
        `resourcesToImport[${index}].resourceIdentifier`,
        'json',
        'must be a JSON object such as {"VpcId": "vpc-1"}',
      );
  });
  const parallelism = request.parallelism;
  if (parallelism !== undefined && (!Number.isSafeInteger(parallelism) || parallelism < limits.parallelismMin))
    issue('parallelism', 'range', 'must be a whole number of at least 0');
  notEmpty('resourceGroupId', request.resourceGroupId);
  request.taintResources?.forEach((resource, index) => {
    notEmpty(`taintResources[${index}]`, resource);
  });

  return issues.length > 0 ? err(createValidationError(providerId, 'create', issues)) : ok({ request, warnings });
}

/** The request as it will be sent, or every broken rule: `checkRosRequest` without the warnings. */
export function validateRosRequest(input: unknown): Result<RosChangeSetRequest, ValidationError> {
  return checkRosRequest(input).map((checked) => checked.request);
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
