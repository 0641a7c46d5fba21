import { type ChangeSetError, type ChangeSetRef, type ChangeSetState, type WaitOptions } from '@changeplane/core';
import { waitUntilSettled } from '@changeplane/core/adapter';
import { type Result, ResultAsync } from 'neverthrow';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';
import { describeChangeSet } from './describe-change-set.js';

/** Describes the change set until it settles (bounded, abortable). */
export async function waitUntilChangeSetSettled(
  session: RosSession,
  ref: ChangeSetRef,
  options: WaitOptions,
): Promise<Result<ChangeSetState, ChangeSetError>> {
  return await waitUntilSettled(
    // One attempt per poll: the waiter itself treats a throttled or failed poll as "still running".
    () => new ResultAsync(describeChangeSet(session, ref, { retry: { maxAttempts: 1 } })),
    rosProviderId,
    { minDelayMs: 1_000, maxDelayMs: 10_000, ...session.options.waiter },
    options,
  );
}
