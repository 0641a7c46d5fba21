import { describe, expect, it } from 'vitest';
import { currentEntityLeases } from './current-entity-leases.js';
import { InMemoryEntityLockStore } from './in-memory-entity-lock-store.js';

const context = { provider: 'p', operation: 'create' };

describe(currentEntityLeases, () => {
  it('should give the live lease of each key in order, undefined where none, and take nothing', async () => {
    const store = new InMemoryEntityLockStore();
    const held = (await store.tryAcquire('p:1:r:b', 'token-1', 60_000))._unsafeUnwrap();

    const leases = (await currentEntityLeases(store, ['p:1:r:a', 'p:1:r:b'], context))._unsafeUnwrap();

    expect(leases).toEqual([undefined, held]);
    expect(await store.current('p:1:r:a')).toBeUndefined();
  });

  it('should report a store that cannot answer as locked LockStoreUnavailable naming the entities', async () => {
    // A store whose database is gone: no real store here can be made to fail on cue.
    const store = new (class extends InMemoryEntityLockStore {
      override current(): Promise<undefined> {
        return Promise.reject(new Error('connection refused'));
      }
    })();

    const result = await currentEntityLeases(store, ['p:1:r:a', 'p:1:r:b'], context);

    expect(result._unsafeUnwrapErr()).toMatchObject({
      kind: 'locked',
      code: 'LockStoreUnavailable',
      provider: 'p',
      operation: 'create',
      entities: ['a', 'b'],
    });
    expect(result._unsafeUnwrapErr().message).toContain('connection refused');
  });
});
