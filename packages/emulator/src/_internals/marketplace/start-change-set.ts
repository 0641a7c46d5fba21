import type { OperationContext } from './operation-context.js';

/** POST /StartChangeSet */
export function startChangeSet({ state, account, body }: OperationContext): unknown {
  const changeSet = state.start(account, body);
  return { ChangeSetId: changeSet.id, ChangeSetArn: changeSet.arn };
}
