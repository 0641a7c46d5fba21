import type { StoredChangeSet } from './catalog-records.js';
import type { OperationContext } from './operation-context.js';
import { checkResourceId } from './resource-id-rule.js';

/** The DescribeChangeSet response body (member names of `DescribeChangeSetResponse` / `ChangeSummary`). */
function changeSetDescription(changeSet: StoredChangeSet): Record<string, unknown> {
  return {
    ChangeSetId: changeSet.id,
    ChangeSetArn: changeSet.arn,
    ChangeSetName: changeSet.name,
    Intent: changeSet.intent,
    StartTime: changeSet.startTime,
    ...(changeSet.endTime !== undefined ? { EndTime: changeSet.endTime } : {}),
    Status: changeSet.status,
    ...(changeSet.failureCode !== undefined ? { FailureCode: changeSet.failureCode } : {}),
    ...(changeSet.failureDescription !== undefined ? { FailureDescription: changeSet.failureDescription } : {}),
    ChangeSet: changeSet.changes.map((change) => ({
      ChangeType: change.ChangeType,
      Entity: change.Entity,
      ...(change.Details !== undefined ? { Details: change.Details } : {}),
      ...(change.DetailsDocument !== undefined ? { DetailsDocument: change.DetailsDocument } : {}),
      ...(change.ChangeName !== undefined ? { ChangeName: change.ChangeName } : {}),
      ErrorDetailList: change.ErrorDetailList ?? [],
    })),
  };
}

/** GET /DescribeChangeSet?catalog=&changeSetId= */
export function describeChangeSet({ state, account, query }: OperationContext): unknown {
  return changeSetDescription(state.changeSet(account, checkResourceId(query, 'changeSetId')));
}
