import fc from 'fast-check';

/** An object nested `levels` deep: `{ deep: { deep: ... } }`. */
const nested = (levels: number): Record<string, unknown> => {
  let value: Record<string, unknown> = { leaf: true };
  for (let level = 0; level < levels; level += 1) value = { deep: value };
  return value;
};

const circular = () => {
  const value: Record<string, unknown> = { name: 'loop' };
  value.self = value;
  return value;
};

const throwingGetter = () =>
  Object.defineProperty({}, 'value', {
    enumerable: true,
    get() {
      throw new Error('getter says no');
    },
  });

const throwingProxy = () =>
  new Proxy(
    {},
    {
      ownKeys() {
        throw new Error('ownKeys trap');
      },
      get() {
        throw new Error('get trap');
      },
    },
  );

const throwingArrayProxy = () =>
  new Proxy([1, 2], {
    get(target, key) {
      if (key === 'length') return target.length;
      throw new Error('index trap');
    },
  });

/** An array that claims a billion items (a proxy: allocating one would be the test's own problem). */
const hugeArray = () =>
  new Proxy([] as unknown[], {
    get: (target, key) => (key === 'length' ? 1_000_000_000 : Reflect.get(target, key)),
  });

// biome-ignore lint/suspicious/noSparseArray: a hole is the point
const withHole = () => ['a', , 'c'];

/**
 * Values no request should contain: what JavaScript callers and bots' JSON actually send when something
 * goes wrong, and what breaks code that trusts its types (cycles, deep nesting, BigInt, throwing getters and
 * proxies, holes, class instances, symbols, functions, non-finite numbers).
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .constantFrom<() => unknown>(
      () => null,
      () => undefined,
      () => 1n,
      () => Number.NaN,
      () => Number.POSITIVE_INFINITY,
      () => Symbol('s'),
      () => () => 1,
      () => new Date(0),
      () => new Map([['a', 1]]),
      () => new Set([1]),
      () => new Uint8Array(2),
      () => Object('boxed'),
      () => Object.create(null) as object,
      () => ({ n: 1n }),
      circular,
      throwingGetter,
      throwingProxy,
      throwingArrayProxy,
      withHole,
      () => [undefined],
      () => [null],
      () => nested(5_000),
      () => nested(150),
      hugeArray,
    )
    .map((make) => make()),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    maxDepth: 3,
  }),
);

/** Mostly the well-typed `valid`, sometimes one member replaced by a hostile value, dropped, or added. */
export function mutated<T extends Record<string, unknown>>(
  valid: fc.Arbitrary<T>,
  members: readonly string[],
): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 3,
      arbitrary: fc.tuple(valid, fc.constantFrom(...members), hostileValue).map(([value, member, hostile]) => ({
        ...value,
        [member]: hostile,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...members))
        .map(([value, member]) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== member))),
    },
    { weight: 1, arbitrary: fc.tuple(valid, fc.string()).map(([value, key]) => ({ ...value, [key]: 1 })) },
    { weight: 1, arbitrary: hostileValue },
  );
}
