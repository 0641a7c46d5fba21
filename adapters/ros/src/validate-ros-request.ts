import {
  createValidationError,
  resolveClientToken,
  type ValidationError,
  type ValidationIssue,
} from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import type { RosChangeSetRequest } from './ros-change-set-request.js';
import { rosClientTokenRule } from './ros-client-token-rule.js';

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const asText = (value: string | Readonly<Record<string, unknown>> | undefined) =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * Every documented CreateChangeSet limit (the API pages, and the SDK's own notes), checked before any
 * network call. All broken rules come back in one validation error, each with its field and rule.
 */
export function validateRosRequest(request: RosChangeSetRequest): Result<RosChangeSetRequest, ValidationError> {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, rule: string, message: string) => issues.push({ path, rule, message });
  const type = request.changeSetType ?? 'UPDATE';
  const name = (path: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value.length < 1 || value.length > 255) issue(path, 'length', 'must be 1 to 255 characters');
    else if (!namePattern.test(value)) {
      issue(
        path,
        'pattern',
        'may contain only letters, digits, hyphens and underscores, and must start with a letter or digit',
      );
    }
  };

  if (!request.regionId) issue('regionId', 'required', 'is required');
  if (!request.changeSetName) issue('changeSetName', 'required', 'is required');
  name('changeSetName', request.changeSetName || undefined);
  if (!['CREATE', 'UPDATE', 'IMPORT'].includes(type))
    issue('changeSetType', 'oneOf', 'must be CREATE, UPDATE or IMPORT');
  name('stackName', request.stackName);
  if (type === 'CREATE') {
    if (!request.stackName) issue('stackName', 'required', 'is required when changeSetType is CREATE');
    if (request.stackId)
      issue('stackId', 'forbidden', 'is not allowed when changeSetType is CREATE (the stack is new)');
    if (request.timeoutInMinutes === undefined)
      issue('timeoutInMinutes', 'required', 'is required when changeSetType is CREATE');
  }
  if (type === 'UPDATE') {
    if (!request.stackId) issue('stackId', 'required', 'is required when changeSetType is UPDATE');
    if (request.stackName) issue('stackName', 'forbidden', 'is not allowed when changeSetType is UPDATE (use stackId)');
  }
  if (type === 'IMPORT' && !request.stackName && !request.stackId) {
    issue('stackName', 'required', 'IMPORT needs stackName (a new stack) or stackId (an existing one)');
  }

  const sources = (['templateBody', 'templateURL', 'templateId'] as const).filter((key) => request[key] !== undefined);
  if (sources.length !== 1) {
    issue(
      'templateBody',
      'oneOf',
      `exactly one of templateBody, templateURL and templateId is required, got ${sources.length}`,
    );
  }
  const body = asText(request.templateBody);
  if (body !== undefined && (bytes(body) < 1 || bytes(body) > 524_288))
    issue('templateBody', 'size', 'must be 1 to 524,288 bytes');
  if (request.templateURL !== undefined && bytes(request.templateURL) > 1_024)
    issue('templateURL', 'size', 'must be at most 1,024 bytes');
  if (request.templateVersion !== undefined && request.templateId === undefined) {
    issue('templateVersion', 'requires', 'only takes effect with templateId');
  }

  const parameters = Object.keys(request.parameters ?? {});
  if (parameters.length > 200) issue('parameters', 'maxItems', `at most 200 parameters, got ${parameters.length}`);
  const urls = request.notificationURLs ?? [];
  if (urls.length > 5) issue('notificationURLs', 'maxItems', `at most 5 URLs, got ${urls.length}`);
  urls.forEach((url, index) => {
    if (bytes(url) > 1_024) issue(`notificationURLs[${index}]`, 'size', 'must be at most 1,024 bytes');
  });
  const timeout = request.timeoutInMinutes;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 10 || timeout > 1_440)) {
    issue('timeoutInMinutes', 'range', 'must be a whole number of minutes from 10 to 1440');
  }

  const policies = (
    ['stackPolicyBody', 'stackPolicyURL', 'stackPolicyDuringUpdateBody', 'stackPolicyDuringUpdateURL'] as const
  ).filter((key) => request[key] !== undefined);
  if (type === 'IMPORT' && policies.length > 0) issue(policies[0]!, 'forbidden', 'IMPORT takes no stack policy');
  if (type === 'CREATE' && policies.some((key) => key.includes('DuringUpdate'))) {
    issue('stackPolicyDuringUpdateBody', 'forbidden', 'the during-update policy only takes effect with UPDATE');
  }
  if (policies.length > 1) issue(policies[1]!, 'exclusive', `only one of ${policies.join(', ')} may be given`);
  for (const key of ['stackPolicyBody', 'stackPolicyDuringUpdateBody'] as const) {
    const text = asText(request[key]);
    if (text !== undefined && (bytes(text) < 1 || bytes(text) > 16_384))
      issue(key, 'size', 'must be 1 to 16,384 bytes');
  }
  for (const key of ['stackPolicyURL', 'stackPolicyDuringUpdateURL'] as const) {
    const url = request[key];
    if (url !== undefined && bytes(url) > 1_350) issue(key, 'size', 'must be at most 1,350 bytes');
  }
  if (request.description !== undefined && bytes(request.description) > 1_024)
    issue('description', 'size', 'must be at most 1,024 bytes');
  const token = resolveClientToken(rosClientTokenRule, request.clientToken);
  if (token.isErr()) issues.push(token.error);
  const tags = request.tags;
  if (tags !== undefined) {
    if (tags.length < 1 || tags.length > 20) issue('tags', 'maxItems', `must hold 1 to 20 tags, got ${tags.length}`);
    tags.forEach((tag, index) => {
      if (!tag.key) issue(`tags[${index}].key`, 'required', 'is required');
    });
  }
  if (request.ramRoleName !== undefined && bytes(request.ramRoleName) > 64)
    issue('ramRoleName', 'size', 'must be at most 64 bytes');
  if (request.replacementOption !== undefined) {
    if (!['Enabled', 'Disabled'].includes(request.replacementOption))
      issue('replacementOption', 'oneOf', 'must be Enabled or Disabled');
    if (type !== 'UPDATE') issue('replacementOption', 'requires', 'only takes effect with UPDATE');
  }
  if (request.resourcesToImport !== undefined) {
    if (type !== 'IMPORT') issue('resourcesToImport', 'requires', 'only takes effect with IMPORT');
    request.resourcesToImport.forEach((resource, index) => {
      for (const field of ['resourceType', 'logicalResourceId', 'resourceIdentifier'] as const) {
        if (!resource[field]) issue(`resourcesToImport[${index}].${field}`, 'required', 'is required');
      }
    });
  }
  if (request.parallelism !== undefined) {
    if (!Number.isInteger(request.parallelism) || request.parallelism < 0)
      issue('parallelism', 'range', 'must be a whole number of at least 0');
    if (type === 'IMPORT') issue('parallelism', 'requires', 'only takes effect with CREATE or UPDATE');
  }
  if (request.usePreviousParameters !== undefined && type === 'CREATE') {
    issue('usePreviousParameters', 'requires', 'only takes effect with UPDATE or IMPORT');
  }
  if (request.disableRollback !== undefined && type === 'UPDATE') {
    issue('disableRollback', 'requires', 'only takes effect with CREATE or IMPORT');
  }
  return issues.length > 0 ? err(createValidationError('alibaba-ros', 'create', issues)) : ok(request);
}
