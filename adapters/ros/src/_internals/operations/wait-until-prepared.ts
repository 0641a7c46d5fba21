import { type ChangeSetError, type ChangeSetRef, type CreateOptions } from '@changeplane/core';
import { createChangeSetError, waitFor } from '@changeplane/core/adapter';
import { type Result, ResultAsync } from 'neverthrow';
import type { RosChangeSetBody } from '../ros-change-set-state.js';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';
import { getChangeSet } from './get-change-set.js';

/** Waits (bounded, abortable) until ROS has computed the change set: ready, no changes, or failed. */
export async function waitUntilPrepared(
  session: RosSession,
  ref: ChangeSetRef,
  options: CreateOptions,
): Promise<Result<RosChangeSetBody, ChangeSetError>> {
  const { signal, ...policy } = options.wait ?? {};
  const abort = signal ?? options.signal;
  const failed = (body: RosChangeSetBody) => {
    const reason = body.statusReason ?? 'ROS could not create the change set';
    return createChangeSetError(
      'validation',
      {
        provider: rosProviderId,
        operation: 'create',
        code: 'CREATE_FAILED',
        message: `change set ${ref.changeSetId} failed to be created: ${reason}`,
        changeSetId: ref.changeSetId,
        issues: [{ path: 'templateBody', rule: 'CREATE_FAILED', message: reason }],
      },
      session.redactor,
    );
  };
  return await waitFor(
    () => new ResultAsync(getChangeSet(session, ref, options)),
    (body) => {
      if (body.status === 'CREATE_COMPLETE') return { state: 'done' };
      if (body.status === 'CREATE_FAILED') return { state: 'failed', error: failed(body) };
      return { state: 'pending' };
    },
    {
      provider: rosProviderId,
      operation: 'create',
      policy: { minDelayMs: 500, maxDelayMs: 5_000, maxWaitMs: 10 * 60_000, ...session.options.waiter, ...policy },
      describe: (body) => `${body.status}/${body.executionStatus}`,
      ...(abort ? { signal: abort } : {}),
    },
  );
}
