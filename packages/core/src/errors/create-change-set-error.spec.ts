import { describe, expect, it } from 'vitest';
import { renderingsOf } from '../../../../test/support/error-renderings.js';
import { createChangeSetError, createValidationError, reviseChangeSetError } from './create-change-set-error.js';
import { isChangeSetError, isErrorKind } from './is-change-set-error.js';
import { SecretRedactor } from './secret-redactor.js';

describe(createChangeSetError, () => {
  describe('having a transient kind', () => {
    it.each(['throttled', 'provider-fault', 'network'] as const)('should mark %s retryable by default', (kind) => {
      const error = createChangeSetError(kind, { provider: 'p', operation: 'start', message: 'm' });
      expect(error.retryable).toBe(true);
    });
  });

  describe('having a permanent kind', () => {
    it.each([
      'validation',
      'locked',
      'conflict',
      'not-found',
      'quota-exceeded',
      'access-denied',
      'authentication',
      'timeout',
      'aborted',
    ] as const)('should mark %s not retryable by default', (kind) => {
      const error = createChangeSetError(kind, {
        provider: 'p',
        operation: 'start',
        message: 'm',
        issues: [],
        entities: [],
        elapsedMs: 1,
      } as never);
      expect(error.retryable).toBe(false);
      expect(isChangeSetError(error)).toBe(true);
      expect(isErrorKind(error, kind)).toBe(true);
    });
  });

  describe('having a cause that holds credentials', () => {
    it('should mask the secret and the signature everywhere and keep only a summary of the cause', () => {
      const redactor = new SecretRedactor({
        secrets: ['s3cr3t-key-value-123'],
        patterns: [/\b(LTAI)[0-9A-Za-z]{12,30}\b/g],
      });
      const cause = Object.assign(new Error('failed with accessKeySecret=s3cr3t-key-value-123'), {
        code: 'SignatureDoesNotMatch',
        request: {
          headers: {
            authorization: 'ACS3-HMAC-SHA256 Credential=LTAI5tAbCdEfGhIjKlMn,Signature=abcdef0123456789abcdef',
          },
        },
      });
      const error = createChangeSetError(
        'authentication',
        {
          provider: 'alibaba-ros',
          operation: 'create',
          message: 'denied: Signature=abcdef0123456789abcdef for s3cr3t-key-value-123 (LTAI5tAbCdEfGhIjKlMn)',
          code: 'SignatureDoesNotMatch',
          cause,
        },
        redactor,
      );
      for (const text of renderingsOf(error)) {
        expect(text).not.toContain('s3cr3t-key-value-123');
        expect(text).not.toContain('abcdef0123456789abcdef');
        expect(text).not.toContain('LTAI5tAbCdEfGhIjKlMn');
        expect(text).not.toContain('authorization');
      }
      expect(error.message).toBe('denied: Signature=*** for *** (LTAI***)');
      expect(String(error)).toBe(
        'alibaba-ros create authentication SignatureDoesNotMatch: denied: Signature=*** for *** (LTAI***)',
      );
      expect(error.cause).toEqual({
        name: 'Error',
        message: 'failed with accessKeySecret=***',
        code: 'SignatureDoesNotMatch',
      });
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({
        kind: 'authentication',
        code: 'SignatureDoesNotMatch',
        cause: { name: 'Error', code: 'SignatureDoesNotMatch' },
      });
    });
  });

  describe('having a secret in a text field other than the message', () => {
    it('should mask issues and limits but keep identifiers such as the client token exact', () => {
      const redactor = new SecretRedactor({ secrets: ['token-0123456789'] });
      const error = createChangeSetError(
        'validation',
        {
          provider: 'p',
          operation: 'create',
          message: 'bad',
          clientToken: 'cp-token-0123456789',
          issues: [{ path: 'a', rule: 'r', message: 'got token-0123456789' }],
        },
        redactor,
      );
      expect(error.issues[0]?.message).toBe('got ***');
      expect(error.clientToken).toBe('cp-token-0123456789');
    });
  });

  describe('when revised', () => {
    it('should mask the patch with the redactor the error was made with', () => {
      const redactor = new SecretRedactor({ secrets: ['revision-secret-1'] });
      const original = createChangeSetError('conflict', { provider: 'p', operation: 'o', message: 'm' }, redactor);
      const revised = reviseChangeSetError(original, { message: 'now quoting revision-secret-1' });
      expect(revised.message).toBe('now quoting ***');
      expect(JSON.stringify(revised)).not.toContain('revision-secret-1');
    });
  });

  describe('having undefined optional fields', () => {
    it('should leave them out of the object', () => {
      const error = createChangeSetError('conflict', { provider: 'p', operation: 'o', message: 'm', code: undefined });
      expect(Object.keys(error)).not.toContain('code');
    });
  });
});

describe(createValidationError, () => {
  describe('when called with several issues', () => {
    it('should name every field and rule in the message', () => {
      const error = createValidationError('aws-marketplace', 'create', [
        { path: 'changes', rule: 'maxItems', message: 'at most 20 changes' },
        { path: 'changeSetName', rule: 'pattern', message: 'bad characters' },
      ]);
      expect(error.kind).toBe('validation');
      expect(error.issues).toHaveLength(2);
      expect(error.message).toContain('2 problems');
      expect(error.message).toContain('changes: at most 20 changes (maxItems)');
      expect(error.message).toContain('changeSetName: bad characters (pattern)');
    });
  });
});

describe(reviseChangeSetError, () => {
  describe('when called with a patch', () => {
    it('should keep the kind and a safe toJSON', () => {
      const original = createChangeSetError('throttled', { provider: 'p', operation: 'o', message: 'slow down' });
      const revised = reviseChangeSetError(original, { attempts: 3 });
      expect(revised).toMatchObject({ kind: 'throttled', attempts: 3, retryable: true });
      expect(JSON.parse(JSON.stringify(revised))).toMatchObject({ attempts: 3 });
      expect(original.attempts).toBeUndefined();
    });
  });
});

describe(isChangeSetError, () => {
  it.each([null, undefined, 'locked', { kind: 'nope', provider: 'p', operation: 'o', message: 'm', retryable: false }])(
    'should reject %s',
    (value) => {
      expect(isChangeSetError(value)).toBe(false);
    },
  );
});
