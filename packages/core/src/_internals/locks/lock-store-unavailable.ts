import type { LockedError } from '../../errors/change-set-error.js';
import { createChangeSetError } from '../../errors/create-change-set-error.js';
import { entityOfLockKey } from '../../locks/entity-lock-key.js';

/** What a caller hears when the lock store rejects (a database gone): `locked`, as it has no lock. */
export function lockStoreUnavailable(
  provider: string,
  operation: string,
  keys: readonly string[],
  cause: unknown,
): LockedError {
  return createChangeSetError('locked', {
    provider,
    operation,
    message: `the lock store could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
    code: 'LockStoreUnavailable',
    entities: keys.map(entityOfLockKey),
    cause,
  });
}
