/** Every kind of failure a change-set operation can end in, whichever the provider. */
export const changeSetErrorKinds = [
  'validation',
  'locked',
  'conflict',
  'not-found',
  'throttled',
  'quota-exceeded',
  'access-denied',
  'authentication',
  'provider-fault',
  'network',
  'timeout',
  'aborted',
] as const;

/** One of the `kind`s of the ChangeSetError union. */
export type ChangeSetErrorKind = (typeof changeSetErrorKinds)[number];
