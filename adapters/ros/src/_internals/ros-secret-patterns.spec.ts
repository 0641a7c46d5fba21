import { SecretRedactor } from '@changeplane/core/adapter';
import { describe, expect, it } from 'vitest';
import { rosSecretPatterns } from './ros-secret-patterns.js';

describe('rosSecretPatterns', () => {
  describe('having a redactor built with them', () => {
    it('should mask Alibaba access key ids, keeping their prefix', () => {
      const redactor = new SecretRedactor({ patterns: rosSecretPatterns });
      expect(redactor.redact('Credential=LTAI5tAbCdEfGhIjKlMn,')).toBe('Credential=LTAI***,');
      expect(redactor.redact('LTAI short')).toBe('LTAI short');
    });
  });
});
