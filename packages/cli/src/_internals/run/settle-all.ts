/**
 * Awaits every promise, then rethrows the first rejection, if any: a worker that fails by a bug never leaves
 * its siblings running unseen behind an early rejection (as `Promise.all` would).
 */
export async function settleAll(promises: readonly Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(promises);
  const rejected = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (rejected) throw rejected.reason;
}
