import type { DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import { type ChangeSetError, type ValidationIssue } from '@changeplane/core';
import { createChangeSetError, type SecretRedactor } from '@changeplane/core/adapter';
import { marketplaceProviderId } from './marketplace-provider-id.js';

/**
 * A FAILED change set as a member of the error union. CLIENT_ERROR ("issues with the request, see the
 * ErrorDetailList") is `validation` with one issue per error of each change (`changes[i]`, the ErrorCode as
 * the rule, the ErrorMessage with the change it is about), plus FailureDescription for a failure tied to no
 * change; SERVER_FAULT ("a problem in the system, retry") is `provider-fault`, retryable, naming the same.
 * Undefined for any other status.
 */
export function marketplaceChangeSetFailure(
  output: DescribeChangeSetCommandOutput,
  redactor?: SecretRedactor,
): ChangeSetError | undefined {
  if (output.Status !== 'FAILED') return undefined;
  const issues: ValidationIssue[] = (output.ChangeSet ?? []).flatMap((change, index) =>
    (change.ErrorDetailList ?? []).map((detail) => ({
      path: `changes[${index}]`,
      rule: detail.ErrorCode ?? 'unknown',
      message: `${detail.ErrorMessage ?? 'failed'} (${change.ChangeType} on ${change.Entity?.Type}/${change.Entity?.Identifier})`,
    })),
  );
  if (output.FailureDescription) {
    issues.push({ path: 'changeSet', rule: output.FailureCode ?? 'FAILED', message: output.FailureDescription });
  }
  const listed = issues.map((issue) => `${issue.path} ${issue.rule}: ${issue.message}`).join('; ');
  const common = {
    provider: marketplaceProviderId,
    operation: 'apply',
    ...(output.FailureCode ? { code: output.FailureCode } : {}),
    ...(output.ChangeSetId ? { changeSetId: output.ChangeSetId } : {}),
  };
  if (output.FailureCode === 'SERVER_FAULT') {
    return createChangeSetError(
      'provider-fault',
      {
        ...common,
        message: `change set ${output.ChangeSetId} failed with a service fault: ${listed || 'no reason given'}`,
      },
      redactor,
    );
  }
  return createChangeSetError(
    'validation',
    {
      ...common,
      message: `change set ${output.ChangeSetId} was refused by the catalog: ${listed || 'no reason given'}`,
      issues,
    },
    redactor,
  );
}
