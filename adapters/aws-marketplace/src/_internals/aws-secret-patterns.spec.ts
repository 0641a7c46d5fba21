import { redactSecrets } from '@changeplane/core';
import { describe, expect, it } from 'vitest';
import { AwsMarketplaceProvider } from '../aws-marketplace-provider.js';

describe('awsSecretPatterns', () => {
  describe('having a Marketplace provider built', () => {
    it('should make error output mask AWS access key ids', () => {
      AwsMarketplaceProvider.fromOptions({ region: 'us-east-1' });
      expect(redactSecrets('Credential=AKIAABCDEFGHIJKLMNOP/')).toBe('Credential=AKIA***/');
    });
  });
});
