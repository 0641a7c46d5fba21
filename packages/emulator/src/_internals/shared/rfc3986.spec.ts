import { describe, expect, it } from 'vitest';
import { encodeRfc3986 } from './rfc3986.js';

describe('encodeRfc3986', () => {
  it("should encode !'()* and everything encodeURIComponent encodes, and leave unreserved characters", () => {
    expect(encodeRfc3986("a!b'c(d)e*f")).toBe('a%21b%27c%28d%29e%2Af');
    expect(encodeRfc3986('x y/z=é')).toBe('x%20y%2Fz%3D%C3%A9');
    expect(encodeRfc3986('AZaz09-_.~')).toBe('AZaz09-_.~');
  });
});
