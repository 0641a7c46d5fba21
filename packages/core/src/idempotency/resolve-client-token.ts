import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from 'neverthrow';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { ClientTokenRule } from './client-token-rule.js';

/** A fresh idempotency token: a UUIDv4, 36 characters of hex and hyphens, valid for every provider. */
export function generateClientToken(): string {
  return randomUUID();
}

/** The caller's token if it obeys `rule`, a generated one if none was given, or the issue that explains why not. */
export function resolveClientToken(rule: ClientTokenRule, supplied?: string): Result<string, ValidationIssue> {
  if (supplied === undefined) return ok(generateClientToken());
  if (supplied.length < 1 || supplied.length > rule.maxLength) {
    return err({
      path: rule.field,
      rule: 'length',
      message: `must be 1 to ${rule.maxLength} characters, got ${supplied.length}`,
    });
  }
  if (!rule.pattern.test(supplied)) {
    return err({ path: rule.field, rule: 'pattern', message: `may contain only ${rule.charset}` });
  }
  return ok(supplied);
}
