import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetRef, ChangeSetState, ChangeSetStatus } from '@changeplane/core';

const neutral: Record<string, ChangeSetStatus> = {
  PREPARING: 'running',
  APPLYING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/** DescribeChangeSet's answer as a neutral state, with the raw status, failure code and reasons kept. */
export function marketplaceChangeSetState(ref: ChangeSetRef, output: DescribeChangeSetCommandOutput): ChangeSetState {
  const raw = output.Status ?? 'UNKNOWN';
  const details = (output.ChangeSet ?? []).flatMap((change, index) =>
    (change.ErrorDetailList ?? []).map((detail) => `changes[${index}] ${detail.ErrorCode}: ${detail.ErrorMessage}`),
  );
  const reason = [output.FailureDescription, ...details].filter(Boolean).join('; ');
  return {
    ref,
    status: neutral[raw] ?? 'running',
    rawStatus: raw,
    ...(reason ? { reason } : {}),
    ...(output.FailureCode ? { failureCode: output.FailureCode } : {}),
    changes: (output.ChangeSet ?? []).map((change) => ({
      action: change.ChangeType ?? '',
      target: `${change.Entity?.Type}/${change.Entity?.Identifier}`,
    })),
    entities: (output.ChangeSet ?? []).map((change) => change.Entity?.Identifier ?? ''),
    ...(output.EndTime ? { updatedAt: output.EndTime } : {}),
  };
}
