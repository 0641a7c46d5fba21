import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatches } from './glob-match.js';
import { parseScope, scopeAllows, targetsOutsideScopes } from './scope.js';

const mp = (target: string) => ({ provider: 'aws-marketplace', target });
const ros = (target: string) => ({ provider: 'alibaba-ros', target });

describe(parseScope, () => {
  describe('having the scopes of the issue', () => {
    it('should read "*" as everything and split the others at the first colon', () => {
      expect(parseScope('*')._unsafeUnwrap()).toEqual({ kind: 'everything' });
      expect(parseScope('aws-marketplace:SaaSProduct@1.0/prod-*')._unsafeUnwrap()).toEqual({
        kind: 'targets',
        provider: 'aws-marketplace',
        glob: 'SaaSProduct@1.0/prod-*',
      });
      expect(parseScope('alibaba-ros:a:b')._unsafeUnwrap()).toMatchObject({ provider: 'alibaba-ros', glob: 'a:b' });
    });
  });

  describe('having malformed scopes', () => {
    it.each(['', 'aws-marketplace', ':web-*', 'aws-marketplace:', 'AWS:x', '**'])(
      'should refuse %j with a message naming it',
      (text) => {
        const error = parseScope(text)._unsafeUnwrapErr();
        expect(error.kind).toBe('invalid-scope');
        expect(error.message).toContain(`"${text}"`);
      },
    );
  });
});

describe(scopeAllows, () => {
  describe('having a glob with a star', () => {
    it('should let the star cross slashes and match nothing at all', () => {
      expect(scopeAllows('aws-marketplace:SaaSProduct@1.0/prod-*', mp('SaaSProduct@1.0/prod-abc'))).toBe(true);
      expect(scopeAllows('aws-marketplace:SaaSProduct@1.0/prod-*', mp('SaaSProduct@1.0/prod-'))).toBe(true);
      expect(scopeAllows('aws-marketplace:*', mp('SaaSProduct@1.0/a/b/c'))).toBe(true);
      expect(scopeAllows('aws-marketplace:SaaSProduct@1.0/prod-*', mp('SaaSProduct@1.0/dev-abc'))).toBe(false);
    });

    it('should never allow another provider', () => {
      expect(scopeAllows('alibaba-ros:web-*', mp('web-a'))).toBe(false);
      expect(scopeAllows('alibaba-ros:web-*', ros('web-a'))).toBe(true);
    });

    it('should read every other character literally', () => {
      expect(scopeAllows('alibaba-ros:web-?', ros('web-a'))).toBe(false);
      expect(scopeAllows('alibaba-ros:web.[a]', ros('web.[a]'))).toBe(true);
      expect(scopeAllows('alibaba-ros:web.x', ros('webax'))).toBe(false);
    });
  });

  describe('having a malformed scope', () => {
    it('should allow nothing', () => {
      expect(scopeAllows('web-*', ros('web-a'))).toBe(false);
    });
  });

  describe('having any target (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '/', '-', '.', '*', '@', ':'), maxLength: 12 });
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', '/', '-', '.', '@', ':'), maxLength: 12 });

    it('should let "*" and "<provider>:*" allow it', () => {
      fc.assert(
        fc.property(plain, (target) => {
          expect(scopeAllows('*', ros(target))).toBe(true);
          expect(scopeAllows('alibaba-ros:*', ros(target))).toBe(true);
        }),
      );
    });

    it('should match the target itself, any prefix plus star and star plus any suffix', () => {
      fc.assert(
        fc.property(
          plain.filter((value) => value.length > 0),
          fc.nat(),
          (target, cut) => {
            const at = cut % (target.length + 1);
            expect(globMatches(target, target)).toBe(true);
            expect(globMatches(`${target.slice(0, at)}*`, target)).toBe(true);
            expect(globMatches(`*${target.slice(at)}`, target)).toBe(true);
            expect(globMatches(`${target.slice(0, at)}*${target.slice(at)}`, target)).toBe(true);
          },
        ),
      );
    });

    it('should agree with the regular expression the grammar describes', () => {
      const reference = (glob: string, target: string) =>
        new RegExp(`^${glob.replace(/[.*+?^${}()|[\]\\/@:-]/g, (c) => (c === '*' ? '.*' : `\\${c}`))}$`, 's').test(
          target,
        );
      fc.assert(
        fc.property(text, plain, (glob, target) => {
          expect(globMatches(glob, target)).toBe(reference(glob, target));
        }),
        { numRuns: 2_000 },
      );
    });

    it('should stay fast on a hostile glob', () => {
      const started = performance.now();
      expect(globMatches(`${'*a'.repeat(200)}b`, 'a'.repeat(10_000))).toBe(false);
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });
});

describe(targetsOutsideScopes, () => {
  describe('having no scopes', () => {
    it('should name every target once', () => {
      expect(targetsOutsideScopes([], [ros('a'), mp('b'), ros('a')])).toEqual([ros('a'), mp('b')]);
    });
  });

  describe('having scopes that cover part of a plan', () => {
    it('should name only the targets outside them, in order', () => {
      const scopes = ['alibaba-ros:web-*', 'aws-marketplace:SaaSProduct@1.0/prod-*'];
      const targets = [ros('web-a'), ros('db-a'), mp('SaaSProduct@1.0/prod-x'), mp('SaaSProduct@1.0/dev-x')];
      expect(targetsOutsideScopes(scopes, targets)).toEqual([ros('db-a'), mp('SaaSProduct@1.0/dev-x')]);
    });
  });
});
