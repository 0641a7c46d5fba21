import type { ChangeSetHandle, ChangeSetRef } from '@changeplane/core';

/** The reference a run records for a change set it prepared: enough for `status` and `cancel` to reach it. */
export function recordedReference(handle: ChangeSetHandle, changeSetId: string): ChangeSetRef {
  return {
    provider: handle.provider,
    changeSetId,
    ...(handle.region ? { region: handle.region } : {}),
    ...(handle.account ? { account: handle.account } : {}),
    scope: handle.scope,
  };
}
