import { revisionedIdentifier } from './catalog-records.js';
import { MarketplaceException } from './marketplace-exception.js';
import type { OperationContext } from './operation-context.js';
import { ViolationCollector } from './violation-collector.js';

interface EntityRequest {
  readonly Catalog?: unknown;
  readonly EntityId?: unknown;
}

/**
 * POST /BatchDescribeEntities {EntityRequestList: 1-20 {Catalog, EntityId}}: EntityDetails and Errors, each
 * keyed by the EntityId asked for; an entity that is not there is an Errors entry, not a failed call.
 */
export function batchDescribeEntities({ state, account, body }: OperationContext): unknown {
  const violations = new ViolationCollector();
  const requests = body.EntityRequestList;
  if (!Array.isArray(requests) || requests.length < 1 || requests.length > 20) {
    violations.add('EntityRequestList', 'EntityRequestList must hold 1 to 20 entity requests');
  } else {
    (requests as EntityRequest[]).forEach((request, index) => {
      violations.string(`EntityRequestList[${index}].Catalog`, request?.Catalog, {
        min: 1,
        max: 64,
        pattern: /^[a-zA-Z]+$/,
        required: true,
      });
      violations.string(`EntityRequestList[${index}].EntityId`, request?.EntityId, {
        min: 1,
        max: 255,
        pattern: /^[\w\-@]+$/,
        required: true,
      });
    });
  }
  violations.throwIfAny();
  const EntityDetails: Record<string, unknown> = {};
  const Errors: Record<string, unknown> = {};
  for (const { Catalog, EntityId } of requests as { Catalog: string; EntityId: string }[]) {
    try {
      if (Catalog !== 'AWSMarketplace') throw MarketplaceException.notFound(`Catalog ${Catalog} was not found.`);
      const entity = state.entity(account, EntityId);
      EntityDetails[EntityId] = {
        EntityType: entity.type,
        EntityArn: entity.arn,
        EntityIdentifier: revisionedIdentifier(entity),
        LastModifiedDate: entity.lastModified,
        DetailsDocument: entity.details,
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      Errors[EntityId] = { ErrorCode: 'ResourceNotFound', ErrorMessage: message };
    }
  }
  return { EntityDetails, Errors };
}
