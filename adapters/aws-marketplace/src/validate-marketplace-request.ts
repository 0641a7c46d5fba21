import {
  createValidationError,
  resolveClientToken,
  type ValidationError,
  type ValidationIssue,
} from '@changeplane/core';
import { err, ok, type Result } from 'neverthrow';
import { changeReference } from './change-reference.js';
import type { MarketplaceChangeSetRequest } from './marketplace-change-set-request.js';
import { awsClientRequestTokenRule } from './marketplace-client-token-rule.js';

function checkLength(issues: ValidationIssue[], path: string, value: string, min: number, max: number): boolean {
  if (value.length >= min && value.length <= max) return true;
  issues.push({ path, rule: 'length', message: `must be ${min} to ${max} characters, got ${value.length}` });
  return false;
}

function checkPattern(issues: ValidationIssue[], path: string, value: string, pattern: RegExp, words: string): void {
  if (!pattern.test(value)) issues.push({ path, rule: 'pattern', message: `may contain only ${words}` });
}

function checkTags(issues: ValidationIssue[], path: string, tags: MarketplaceChangeSetRequest['changeSetTags']): void {
  if (tags === undefined) return;
  if (tags.length < 1 || tags.length > 200) {
    issues.push({ path, rule: 'maxItems', message: `must hold 1 to 200 tags, got ${tags.length}` });
  }
  tags.forEach((tag, index) => {
    checkLength(issues, `${path}[${index}].key`, tag.key ?? '', 1, 128);
    checkLength(issues, `${path}[${index}].value`, tag.value ?? '', 0, 256);
  });
}

/**
 * Every StartChangeSet rule, checked locally and reported all at once with each offending change's index:
 * 1 to 20 changes, one change type per entity per set (the page's own example), details, references,
 * catalog, name, token and tag limits. No network call; nothing changes.
 */
export function validateMarketplaceRequest(
  request: MarketplaceChangeSetRequest,
): Result<MarketplaceChangeSetRequest, ValidationError> {
  const issues: ValidationIssue[] = [];
  const catalog = request.catalog ?? 'AWSMarketplace';
  if (checkLength(issues, 'catalog', catalog, 1, 64))
    checkPattern(issues, 'catalog', catalog, /^[a-zA-Z]+$/, 'letters');
  if (request.changeSetName !== undefined && checkLength(issues, 'changeSetName', request.changeSetName, 1, 100)) {
    checkPattern(
      issues,
      'changeSetName',
      request.changeSetName,
      /^[\w\s+=.:@-]+$/,
      'letters, digits, spaces and _+=.:@-',
    );
  }
  const token = resolveClientToken(awsClientRequestTokenRule, request.clientToken);
  if (token.isErr()) issues.push(token.error);
  checkTags(issues, 'changeSetTags', request.changeSetTags);

  const changes = Array.isArray(request.changes) ? request.changes : [];
  if (changes.length < 1 || changes.length > 20) {
    issues.push({
      path: 'changes',
      rule: 'maxItems',
      message:
        changes.length < 1
          ? 'a change set needs at least 1 change'
          : `a change set holds at most 20 changes, got ${changes.length}: split the batch with the planner (planChangeSets)`,
    });
  }
  const names = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.changeName === undefined) return;
    const first = names.get(change.changeName);
    if (first === undefined) names.set(change.changeName, index);
    else
      issues.push({
        path: `changes[${index}].changeName`,
        rule: 'unique',
        message: `"${change.changeName}" is also the name of changes[${first}]`,
      });
  });
  const seen = new Map<string, number>();
  changes.forEach((change, index) => {
    const at = `changes[${index}]`;
    if (checkLength(issues, `${at}.changeType`, change.changeType ?? '', 1, 255)) {
      checkPattern(
        issues,
        `${at}.changeType`,
        change.changeType,
        /^[A-Z]\w*$/,
        'letters, digits and _, starting with a capital letter',
      );
    }
    checkLength(issues, `${at}.entity.type`, change.entity?.type ?? '', 1, 255);
    const identifier = change.entity?.identifier;
    if (identifier !== undefined) {
      const reference = changeReference.nameIn(identifier);
      if (reference !== undefined) {
        if (!names.has(reference)) {
          issues.push({
            path: `${at}.entity.identifier`,
            rule: 'reference',
            message: `refers to ${reference}, which no change of this set is named`,
          });
        }
      } else if (checkLength(issues, `${at}.entity.identifier`, identifier, 1, 255)) {
        checkPattern(issues, `${at}.entity.identifier`, identifier, /^[\w\-@]+$/, 'letters, digits and _-@');
      }
      const pair = `${identifier}\u0000${change.changeType}`;
      const first = seen.get(pair);
      if (first !== undefined) {
        issues.push({
          path: `${at}.changeType`,
          rule: 'oneChangeTypePerEntity',
          message: `${change.changeType} on entity ${identifier} is already changes[${first}]: one change type per entity per change set`,
        });
      } else seen.set(pair, index);
    }
    if (change.changeName !== undefined) checkLength(issues, `${at}.changeName`, change.changeName, 1, 72);
    checkTags(issues, `${at}.entityTags`, change.entityTags);
    const details = change.details;
    let detailsText: string | undefined;
    if (typeof details === 'string') {
      detailsText = details;
      if (checkLength(issues, `${at}.details`, details, 2, 16_384)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(details);
        } catch {
          parsed = undefined;
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          issues.push({ path: `${at}.details`, rule: 'jsonObject', message: 'must be a JSON object' });
        }
      }
    } else if (details !== undefined) {
      if (details === null || typeof details !== 'object' || Array.isArray(details)) {
        issues.push({ path: `${at}.details`, rule: 'jsonObject', message: 'must be an object or a JSON string' });
      } else detailsText = JSON.stringify(details);
    }
    for (const name of changeReference.namesInside(detailsText ?? '')) {
      if (!names.has(name)) {
        issues.push({
          path: `${at}.details`,
          rule: 'reference',
          message: `refers to ${name}, which no change of this set is named`,
        });
      }
    }
  });
  return issues.length > 0 ? err(createValidationError('aws-marketplace', 'create', issues)) : ok(request);
}
