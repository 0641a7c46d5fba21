import type { OperationContext } from './operation-context.js';
import { checkResourceId } from './resource-id-rule.js';

/** PATCH /CancelChangeSet?catalog=&changeSetId= */
export function cancelChangeSet({ state, account, query }: OperationContext): unknown {
  const changeSet = state.cancel(account, checkResourceId(query, 'changeSetId'));
  return { ChangeSetId: changeSet.id, ChangeSetArn: changeSet.arn };
}
