// A short tour of @changeplane/core: entity locks, idempotency tokens and the error union.
import { acquireEntityLocks, InMemoryEntityLockStore, resolveClientToken, rosClientTokenRule } from '@changeplane/core';

const store = new InMemoryEntityLockStore();
const first = await acquireEntityLocks(store, ['aws-marketplace:123:us-east-1:prod-1'], {
  provider: 'aws-marketplace',
  operation: 'start',
  holder: 'change set A',
  ttlMs: 60_000,
});
console.log('A holds prod-1:', first.isOk());
const second = await acquireEntityLocks(store, ['aws-marketplace:123:us-east-1:prod-1'], {
  provider: 'aws-marketplace',
  operation: 'start',
  holder: 'change set B',
  ttlMs: 60_000,
});
if (second.isErr()) console.log('B is refused:', JSON.stringify(second.error));
console.log('a generated ROS client token:', resolveClientToken(rosClientTokenRule)._unsafeUnwrap());
