import { describe, expect, it } from 'vitest';
import { RequestCounter } from './request-counter.js';

describe('RequestCounter', () => {
  it('should count by operation, total them when none is named, and answer 0 for an operation never seen', () => {
    const counter = new RequestCounter();
    expect(counter.count()).toBe(0);
    counter.add('CreateChangeSet');
    counter.add('CreateChangeSet');
    counter.add('GetStack');
    expect(counter.count('CreateChangeSet')).toBe(2);
    expect(counter.count('GetStack')).toBe(1);
    expect(counter.count('ListStacks')).toBe(0);
    expect(counter.count()).toBe(3);
  });
});
