import type { PlanningPolicy } from '@changeplane/core';
import { type FakeQueueChange, fakeQueueCapacity, fakeQueueProviderId } from './fake-queue-request.js';

/**
 * The planner's view of the fake service: a change touches its queue (changes of one queue keep plan order,
 * sets sharing a queue run one after another) and one set never holds two changes of one queue.
 */
export const fakeQueuePlanningPolicy: PlanningPolicy<FakeQueueChange> = {
  provider: fakeQueueProviderId,
  capacity: fakeQueueCapacity,
  conflictRule: 'one change per queue',
  orderKey: (change) => change.queue,
  conflictKey: () => 'queue',
};
