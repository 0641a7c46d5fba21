import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const secret = 'whsec_c2VjcmV0LWJ5dGVzLWZvci10aGUtc3BlYy0xMjM0NTY3OA==';

  describe('having a key', () => {
    it('should seal a secret so the sealed text does not hold it, and open it again', () => {
      const box = new SecretBox('operator key');
      const sealed = box.seal(secret);
      expect(sealed).toMatch(/^v1:/);
      expect(sealed).not.toContain(secret.slice(6, 20));
      expect(box.open(sealed)._unsafeUnwrap()).toBe(secret);
    });

    it('should not open what another key sealed, and say so without the secret', () => {
      const sealed = new SecretBox('one key').seal(secret);
      const failure = new SecretBox('another key').open(sealed)._unsafeUnwrapErr();
      expect(failure).toMatch(/does not open/);
      expect(new SecretBox(undefined).open(sealed)._unsafeUnwrapErr()).toMatch(/no webhook key/);
    });
  });

  describe('having no key', () => {
    it('should keep the secret in the clear, marked so', () => {
      const box = new SecretBox(undefined);
      expect(box.encrypts).toBe(false);
      expect(box.open(box.seal(secret))._unsafeUnwrap()).toBe(secret);
    });
  });
});
