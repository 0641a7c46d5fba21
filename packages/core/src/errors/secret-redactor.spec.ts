import { describe, expect, it } from 'vitest';
import { defaultSecretRedactor, SecretRedactor } from './secret-redactor.js';

describe(SecretRedactor, () => {
  describe('having literal secrets and a pattern', () => {
    it('should mask the secrets (raw and URL-encoded) and what the pattern matches, keeping group 1', () => {
      const redactor = new SecretRedactor({
        secrets: ['tok/en+with=chars', 'short', undefined, ''],
        patterns: [/\b(XKEY)[0-9a-f]{16}\b/],
      });
      expect(redactor.redact('a tok/en+with=chars b')).toBe('a *** b');
      expect(redactor.redact(`a ${encodeURIComponent('tok/en+with=chars')} b`)).toBe('a *** b');
      expect(redactor.redact('key XKEY0123456789abcdef here')).toBe('key XKEY*** here');
      // Values shorter than 8 characters are no credential: masking them would turn words into noise.
      expect(redactor.redact('a short word')).toBe('a short word');
    });

    it('should mask a secret that contains another one as a whole', () => {
      const redactor = new SecretRedactor({ secrets: ['abcdefgh', 'abcdefgh-longer-secret'] });
      expect(redactor.redact('x abcdefgh-longer-secret y')).toBe('x *** y');
    });
  });

  describe('having no secrets', () => {
    it('should still mask credential-shaped text', () => {
      expect(defaultSecretRedactor.redact('password=hunter22 and Signature=0123456789abcdef0123')).toBe(
        'password=*** and Signature=***',
      );
      expect(defaultSecretRedactor.redact('nothing secret here')).toBe('nothing secret here');
    });
  });

  describe('when composed', () => {
    it('should mask what each part masks, and leave the parts as they were', () => {
      const first = new SecretRedactor({ secrets: ['first-secret-1'] });
      const second = new SecretRedactor({ secrets: ['second-secret-2'] });
      const both = first.compose(second);
      expect(both.redact('first-secret-1 second-secret-2')).toBe('*** ***');
      expect(first.redact('first-secret-1 second-secret-2')).toBe('*** second-secret-2');
      expect(second.redact('first-secret-1 second-secret-2')).toBe('first-secret-1 ***');
    });
  });

  describe('having credentials known only later', () => {
    it('should resolve them once, when a call fails, before the failure is passed on', async () => {
      let resolutions = 0;
      const lazy = new SecretRedactor({
        resolveSecrets: async () => {
          resolutions += 1;
          return ['resolved-session-token'];
        },
      });
      const composed = new SecretRedactor({ secrets: ['configured-secret'] }).compose(lazy);
      expect(composed.redact('resolved-session-token')).toBe('resolved-session-token');
      await expect(composed.rejectAfterLearning(Promise.resolve(1))).resolves.toBe(1);
      expect(resolutions).toBe(0);
      const failure = new Error('quoting resolved-session-token');
      await expect(composed.rejectAfterLearning(Promise.reject(failure))).rejects.toBe(failure);
      await expect(composed.rejectAfterLearning(Promise.reject(failure))).rejects.toBe(failure);
      expect(composed.redact(failure.message)).toBe('quoting ***');
      expect(resolutions).toBe(1);
    });

    it('should pass the failure on unchanged when the credentials cannot be resolved', async () => {
      const lazy = new SecretRedactor({ resolveSecrets: () => Promise.reject(new Error('no credentials')) });
      const failure = new Error('the call failed');
      await expect(lazy.rejectAfterLearning(Promise.reject(failure))).rejects.toBe(failure);
    });
  });

  describe('having two redactors with different secrets', () => {
    it('should not let one mask the other’s (there is no process-wide list)', () => {
      const one = new SecretRedactor({ secrets: ['secret-of-one-1'] });
      const two = new SecretRedactor({ secrets: ['secret-of-two-2'] });
      expect(one.redact('secret-of-two-2')).toBe('secret-of-two-2');
      expect(two.redact('secret-of-one-1')).toBe('secret-of-one-1');
      expect(new SecretRedactor().redact('secret-of-one-1 secret-of-two-2')).toBe('secret-of-one-1 secret-of-two-2');
    });
  });
});
