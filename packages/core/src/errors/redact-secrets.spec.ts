import { describe, expect, it } from 'vitest';
import { redactSecrets, registerSecretPattern } from './redact-secrets.js';

describe(registerSecretPattern, () => {
  describe('having a provider pattern registered', () => {
    it('should mask what it matches, keeping group 1, and leave other text alone', () => {
      expect(redactSecrets('key XKEY0123456789abcdef here')).toBe('key XKEY0123456789abcdef here');
      registerSecretPattern(/\b(XKEY)[0-9a-f]{16}\b/g);
      registerSecretPattern(/\b(XKEY)[0-9a-f]{16}\b/g);
      expect(redactSecrets('key XKEY0123456789abcdef here')).toBe('key XKEY*** here');
    });
  });
});
