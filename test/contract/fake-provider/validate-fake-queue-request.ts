import type { ValidationError, ValidationIssue } from '@changeplane/core';
import { createValidationError } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { type FakeQueueRequest, fakeQueueCapacity, fakeQueueProviderId } from './fake-queue-request.js';

const namePattern = /^[a-z][a-z0-9-]{0,31}$/;

/** Every local rule of the fake service, all issues at once; input of any shape, never throws. */
export function validateFakeQueueRequest(request: unknown): Result<FakeQueueRequest, ValidationError> {
  const issues: ValidationIssue[] = [];
  const candidate = (typeof request === 'object' && request !== null ? request : {}) as Partial<FakeQueueRequest>;
  if (typeof candidate.name !== 'string' || !namePattern.test(candidate.name))
    issues.push({
      path: 'name',
      rule: 'pattern',
      message: 'must be 1 to 32 of a-z, 0-9 and -, starting with a letter',
    });
  const changes = Array.isArray(candidate.changes) ? candidate.changes : [];
  if (changes.length < 1 || changes.length > fakeQueueCapacity)
    issues.push({ path: 'changes', rule: 'length', message: `must hold 1 to ${fakeQueueCapacity} changes` });
  for (const [index, change] of changes.entries()) {
    if (typeof change?.queue !== 'string' || !namePattern.test(change.queue))
      issues.push({ path: `changes[${index}].queue`, rule: 'pattern', message: 'must be a queue name' });
    if (!['create', 'resize', 'delete'].includes(change?.action))
      issues.push({ path: `changes[${index}].action`, rule: 'oneOf', message: 'must be create, resize or delete' });
    const sized = change?.action !== 'delete';
    if (sized && !(Number.isInteger(change?.size) && (change?.size ?? 0) > 0))
      issues.push({ path: `changes[${index}].size`, rule: 'required', message: 'must be a positive whole number' });
  }
  return issues.length > 0
    ? err(createValidationError(fakeQueueProviderId, 'create', issues))
    : ok(candidate as FakeQueueRequest);
}
