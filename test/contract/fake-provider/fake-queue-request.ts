/** One change to a queue of the fake service. */
export interface FakeQueueChange {
  readonly queue: string;
  /** `create` a queue that does not exist, `resize` or `delete` one that does. */
  readonly action: 'create' | 'resize' | 'delete';
  /** The new size, for `create` and `resize`. */
  readonly size?: number;
}

/** A change set of the fake queue service: a name and up to {@link fakeQueueCapacity} changes. */
export interface FakeQueueRequest {
  readonly name: string;
  readonly changes: readonly FakeQueueChange[];
}

/** The most changes one fake change set may hold. */
export const fakeQueueCapacity = 3;

/** The provider id its change sets and refs carry. */
export const fakeQueueProviderId = 'fake-queues';
