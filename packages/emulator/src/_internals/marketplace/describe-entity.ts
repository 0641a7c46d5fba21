import { revisionedIdentifier } from './catalog-records.js';
import type { OperationContext } from './operation-context.js';
import { checkResourceId } from './resource-id-rule.js';

/**
 * GET /DescribeEntity?catalog=&entityId=: the entity whatever revision `entityId` names, answered as
 * `EntityId@RevisionId` (its current revision); Details as a JSON string and the same as DetailsDocument.
 */
export function describeEntity({ state, account, query }: OperationContext): unknown {
  const entity = state.entity(account, checkResourceId(query, 'entityId'));
  return {
    EntityType: entity.type,
    EntityIdentifier: revisionedIdentifier(entity),
    EntityArn: entity.arn,
    LastModifiedDate: entity.lastModified,
    Details: JSON.stringify(entity.details),
    DetailsDocument: entity.details,
  };
}
