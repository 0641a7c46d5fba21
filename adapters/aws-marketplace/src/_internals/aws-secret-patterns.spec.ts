import { SecretRedactor } from '@changeplane/core/adapter';
import { describe, expect, it } from 'vitest';
import { awsSecretPatterns } from './aws-secret-patterns.js';

describe('awsSecretPatterns', () => {
  describe('having a redactor built with them', () => {
    it('should mask long-term and temporary AWS access key ids, keeping their prefix', () => {
      const redactor = new SecretRedactor({ patterns: awsSecretPatterns });
      expect(redactor.redact('Credential=AKIAABCDEFGHIJKLMNOP/')).toBe('Credential=AKIA***/');
      expect(redactor.redact('key ASIAABCDEFGHIJKLMNOP.')).toBe('key ASIA***.');
      expect(redactor.redact('AKIA-not-a-key')).toBe('AKIA-not-a-key');
    });
  });
});
