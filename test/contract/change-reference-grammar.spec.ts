import { describe, expect, it } from 'vitest';
import { changeReference as adapterGrammar } from '../../adapters/aws-marketplace/src/_internals/change-reference.js';
import { changeReference as emulatorGrammar } from '../../packages/emulator/src/_internals/marketplace/change-references.js';

// One case table, run through the adapter's grammar and the emulator's independent copy.
const wholeCases: readonly [string, string | undefined][] = [
  ['$NewProduct.Entity.Identifier', 'NewProduct'],
  ['$new-offer_2.Entity.Identifier', 'new-offer_2'],
  ['$A.Entity.Identifier', 'A'],
  ['$NewProduct.Entity.Arn', undefined],
  ['$NewProduct.', undefined],
  ['NewProduct.Entity.Identifier', undefined],
  ['$New.Product.Entity.Identifier', undefined],
  ['$.Entity.Identifier', undefined],
  ['x$NewProduct.Entity.Identifier', undefined],
  ['$NewProduct.Entity.Identifier ', undefined],
  ['prod-123', undefined],
];
const insideCases: readonly [string, string[]][] = [
  ['{"ProductId":"$NewProduct.Entity.Identifier"}', ['NewProduct']],
  ['$A.Entity.Identifier and $b-2.Entity.Identifier', ['A', 'b-2']],
  ['$A.Entity.Identifier$A.Entity.Identifier', ['A', 'A']],
  ['$NewProduct.Entity.Arn', []],
  ['$New Product.Entity.Identifier', []],
  ['cost: $5.00', []],
];

describe('the $ChangeName.Entity.Identifier grammar', () => {
  describe.each([
    ['adapter', adapterGrammar],
    ['emulator', emulatorGrammar],
  ])('having the %s copy', (_, grammar) => {
    describe('when called with a whole value', () => {
      it.each(wholeCases)('should read %j as %j', (value, name) => {
        expect(grammar.nameIn(value)).toBe(name);
      });
    });
    describe('when called with a text', () => {
      it.each(insideCases)('should find in %j the names %j', (text, names) => {
        expect(grammar.namesInside(text)).toEqual(names);
      });
    });
  });

  describe('having both copies', () => {
    it('should use the same patterns', () => {
      expect(adapterGrammar.whole.source).toBe(emulatorGrammar.whole.source);
      expect(adapterGrammar.inside.source).toBe(emulatorGrammar.inside.source);
    });
  });
});
