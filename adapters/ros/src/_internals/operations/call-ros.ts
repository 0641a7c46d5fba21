import { type CallOptions, type ChangeSetError } from '@changeplane/core';
import { retryAttempts } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { mapRosError } from '../map-ros-error.js';
import { rosProviderId } from '../ros-provider-id.js';
import type { RosSession } from '../ros-session.js';

/** One ROS API call, as `callRos` runs it. */
export interface RosCall<Output> {
  /** The API action (`CreateChangeSet`, ...): names the call in the retry and its errors. */
  readonly operation: string;
  /** The stack the call is about, named in its errors. */
  readonly stack: string;
  /** The SDK call; the same request, token included, on every attempt. */
  readonly send: () => Promise<Output>;
}

/**
 * Every ROS call goes through here: the SDK call under the provider's retry policy with the call's
 * overrides, its error mapped into the core union once the client's resolved credentials are known (so
 * the error masks them too).
 */
export function callRos<Output>(
  session: Pick<RosSession, 'options' | 'redactor'>,
  call: RosCall<Output>,
  options: CallOptions,
): Promise<Result<Output, ChangeSetError>> {
  const { redactor } = session;
  const attempt = async (): Promise<Result<Output, ChangeSetError>> => {
    try {
      return ok(await call.send());
    } catch (error) {
      await redactor.learnSecrets();
      return err(mapRosError(error, { operation: call.operation, stack: call.stack, redactor }));
    }
  };
  return retryAttempts(attempt, {
    provider: rosProviderId,
    operation: call.operation,
    policy: { ...session.options.retry, ...options.retry },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
