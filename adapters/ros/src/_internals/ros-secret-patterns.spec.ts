import { redactSecrets } from '@changeplane/core';
import { describe, expect, it } from 'vitest';
import { RosProvider } from '../ros-provider.js';
import { rosSecretPatterns } from './ros-secret-patterns.js';

describe('rosSecretPatterns', () => {
  describe('having a ROS provider built', () => {
    it('should make error output mask Alibaba access key ids', () => {
      expect(rosSecretPatterns[0]!.test('LTAI5tAbCdEfGhIjKlMn')).toBe(true);
      RosProvider.fromOptions({ regionId: 'cn-hangzhou', credentials: { accessKeyId: 'x', accessKeySecret: 'y' } });
      expect(redactSecrets('Credential=LTAI5tAbCdEfGhIjKlMn,')).toBe('Credential=LTAI***,');
    });
  });
});
