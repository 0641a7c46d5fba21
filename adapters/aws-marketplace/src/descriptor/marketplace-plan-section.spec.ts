import { describe, expect, it } from 'vitest';
import { marketplaceChangeSchema } from './marketplace-plan-section.js';

const change = (details: unknown) => ({
  changeType: 'AddDimensions',
  entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
  details,
});

describe('marketplaceChangeSchema details', () => {
  it.each([
    ['an object', { ProductTitle: 'x' }],
    ['an array (AddDimensions)', [{ Key: 'Seats', Types: ['Entitled'] }]],
    ['a JSON object as text', '{"ProductTitle": "x"}'],
    ['a number', 3],
    ['a boolean', true],
  ])('should take %s, as the adapter does', (_, details) => {
    expect(marketplaceChangeSchema.safeParse(change(details)).success).toBe(true);
  });

  it.each([
    ['null', null],
    ['a function', () => 1],
  ])('should refuse %s', (_, details) => {
    expect(marketplaceChangeSchema.safeParse(change(details)).success).toBe(false);
  });
});
