import { describe, expect, it } from 'vitest';
import { readPlainData } from './read-plain-data.js';

const issuesOf = (input: unknown) =>
  readPlainData(input).match(
    () => [],
    (issues) => issues.map((issue) => `${issue.path} ${issue.rule}`),
  );

describe(readPlainData, () => {
  it('should copy plain JSON data and drop properties that are undefined', () => {
    const input = { a: [1, 'x', true, null, { b: undefined, c: 2 }] };
    const copy = readPlainData(input)._unsafeUnwrap();
    expect(copy).toEqual({ a: [1, 'x', true, null, { c: 2 }] });
    expect(copy).not.toBe(input);
  });

  it('should name the path and the rule of every value that is not JSON data, without throwing', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const throwing = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    // biome-ignore lint/suspicious/noSparseArray: a hole is the point
    const holes = [1, , 3];
    expect(
      issuesOf({
        n: 1n,
        f: () => 1,
        s: Symbol('s'),
        nan: Number.NaN,
        circular,
        throwing,
        holes,
        undef: [undefined],
        date: new Date(0),
        'odd key': 1n,
      }),
    ).toEqual([
      'n type',
      'f type',
      's type',
      'nan type',
      'circular.self circular',
      'throwing unreadable',
      'holes[1] hole',
      'undef[0] type',
      'date type',
      '["odd key"] type',
    ]);
  });

  it('should refuse nesting deeper than the limit, even 5,000 levels, without a stack overflow', () => {
    let deep: unknown = {};
    for (let level = 0; level < 5_000; level += 1) deep = { deep };
    const issues = readPlainData({ deep }, { maxDepth: 100 })._unsafeUnwrapErr();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.rule).toBe('depth');
  });

  it('should keep a value shared by two branches (not a cycle)', () => {
    const shared = { x: 1 };
    expect(readPlainData({ a: shared, b: shared })._unsafeUnwrap()).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('should report a proxy whose traps throw', () => {
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(issuesOf({ proxy })).toEqual(['proxy unreadable']);
  });
});
