import { type ChangeSetError, type ChangeSetRef } from '@changeplane/core';
import { createChangeSetError, type SecretRedactor } from '@changeplane/core/adapter';
import { rosProviderId } from './ros-provider-id.js';

/**
 * An execution that failed, as a member of the error union: `provider-fault` (ROS could not apply the change
 * set; running it again is a new execution, not a retry), its code the stack status that says so
 * (`CREATE_ROLLBACK_COMPLETE`, `ROLLBACK_COMPLETE`, `CREATE_FAILED`, ...), its message naming that status and
 * the stack's StatusReason.
 */
export function rosExecutionFailure(
  ref: ChangeSetRef,
  stackStatus: string,
  reason: string | undefined,
  redactor?: SecretRedactor,
): ChangeSetError {
  const what = stackStatus.includes('ROLLBACK') ? `was rolled back (${stackStatus})` : `failed (${stackStatus})`;
  return createChangeSetError(
    'provider-fault',
    {
      provider: rosProviderId,
      operation: 'execute',
      code: stackStatus,
      changeSetId: ref.changeSetId,
      retryable: false,
      message: `change set ${ref.changeSetId} ${what}: ${reason ?? 'no reason given'}`,
    },
    redactor,
  );
}
