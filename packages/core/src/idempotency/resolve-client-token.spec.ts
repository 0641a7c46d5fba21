import { describe, expect, it } from 'vitest';
import type { ClientTokenRule } from './client-token-rule.js';
import { resolveClientToken } from './resolve-client-token.js';

// Two rules shaped like the providers' (the adapters own the real ones).
const rosClientTokenRule: ClientTokenRule = {
  field: 'clientToken',
  maxLength: 64,
  pattern: /^[A-Za-z0-9_-]+$/,
  charset: 'letters, digits, hyphens (-) and underscores (_)',
};
const awsClientRequestTokenRule: ClientTokenRule = {
  field: 'clientToken',
  maxLength: 64,
  pattern: /^[!-~]+$/,
  charset: 'printable ASCII characters without spaces',
};

describe(resolveClientToken, () => {
  describe('having no token from the caller', () => {
    it('should generate one that obeys both providers and the strict seed rule', () => {
      const token = resolveClientToken(rosClientTokenRule)._unsafeUnwrap();
      expect(token).toMatch(/^[\w-]{36}$/);
      expect(resolveClientToken(awsClientRequestTokenRule, token).isOk()).toBe(true);
      expect(resolveClientToken(rosClientTokenRule)._unsafeUnwrap()).not.toBe(token);
    });
  });

  describe('having a token that breaks a rule', () => {
    it.each([
      [rosClientTokenRule, 'x'.repeat(65), 'length'],
      [rosClientTokenRule, '', 'length'],
      [rosClientTokenRule, 'has space', 'pattern'],
      [rosClientTokenRule, 'dot.not.allowed', 'pattern'],
      [awsClientRequestTokenRule, 'x'.repeat(65), 'length'],
      [awsClientRequestTokenRule, 'tab\there', 'pattern'],
    ])('should name the rule (%#)', (rule, token, expected) => {
      const issue = resolveClientToken(rule, token)._unsafeUnwrapErr();
      expect(issue).toMatchObject({ path: 'clientToken', rule: expected });
    });
  });

  describe('having a valid token', () => {
    it('should return it unchanged', () => {
      expect(resolveClientToken(rosClientTokenRule, 'deploy-42_a')._unsafeUnwrap()).toBe('deploy-42_a');
      expect(resolveClientToken(awsClientRequestTokenRule, 'x'.repeat(64))._unsafeUnwrap()).toHaveLength(64);
    });
  });
});
