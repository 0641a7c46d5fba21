import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetRef, ChangeSetState, ChangeSetStatus } from '@changeplane/core';
import type { SecretRedactor } from '@changeplane/core/adapter';
import { marketplaceChangeSetFailure } from './marketplace-change-set-failure.js';

const neutral: Record<string, ChangeSetStatus> = {
  PREPARING: 'running',
  APPLYING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/**
 * DescribeChangeSet's answer as a neutral state, with the raw status, failure code and reasons kept, and a
 * FAILED change set's failure as an error of the union (`redactor` masks it).
 */
export function marketplaceChangeSetState(
  ref: ChangeSetRef,
  output: DescribeChangeSetCommandOutput,
  redactor?: SecretRedactor,
): ChangeSetState {
  const raw = output.Status ?? 'UNKNOWN';
  const details = (output.ChangeSet ?? []).flatMap((change, index) =>
    (change.ErrorDetailList ?? []).map((detail) => `changes[${index}] ${detail.ErrorCode}: ${detail.ErrorMessage}`),
  );
  const reason = [output.FailureDescription, ...details].filter(Boolean).join('; ');
  const failure = marketplaceChangeSetFailure(output, redactor);
  return {
    ref,
    status: neutral[raw] ?? 'running',
    rawStatus: raw,
    ...(reason ? { reason } : {}),
    ...(output.FailureCode ? { failureCode: output.FailureCode } : {}),
    ...(failure ? { failure } : {}),
    changes: (output.ChangeSet ?? []).map((change) => ({
      action: change.ChangeType ?? '',
      target: `${change.Entity?.Type}/${change.Entity?.Identifier}`,
    })),
    entities: (output.ChangeSet ?? []).map((change) => change.Entity?.Identifier ?? ''),
    ...(output.EndTime ? { updatedAt: output.EndTime } : {}),
  };
}
