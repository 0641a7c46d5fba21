import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token.js';

describe(bearerToken, () => {
  describe('having a Bearer header', () => {
    it('should give the token, whatever the scheme case', () => {
      expect(bearerToken('Bearer cp_abc.123')).toBe('cp_abc.123');
      expect(bearerToken('bearer cp_abc')).toBe('cp_abc');
    });
  });

  describe('having anything else', () => {
    it.each([undefined, ['Bearer a', 'Bearer b'], '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Bearer é'])(
      'should give nothing for %j',
      (header) => {
        expect(bearerToken(header)).toBeUndefined();
      },
    );

    it('should give nothing for a token over 512 characters', () => {
      expect(bearerToken(`Bearer ${'a'.repeat(513)}`)).toBeUndefined();
      expect(bearerToken(`Bearer ${'a'.repeat(512)}`)).toHaveLength(512);
    });
  });
});
