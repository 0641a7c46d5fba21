import { MarketplaceException } from './marketplace-exception.js';
import type { OperationContext } from './operation-context.js';
import { checkResourceArn } from './resource-arn-rule.js';
import { ViolationCollector } from './violation-collector.js';

/** A resource policy attaches to an entity ("for example, a product or an offer"), never to a change set. */
function entityOf({ state, account }: OperationContext, arn: string) {
  const resource = state.resource(account, arn);
  if (!('revision' in resource)) {
    throw MarketplaceException.validation([
      { Field: 'ResourceArn', Reason: 'Other', Message: 'A resource policy attaches to an entity, not a change set' },
    ]);
  }
  return resource;
}

/** POST /PutResourcePolicy {ResourceArn, Policy}: Policy is 1-10,240 characters of JSON text. */
export function putResourcePolicy(context: OperationContext): unknown {
  const violations = new ViolationCollector();
  const policy = context.body.Policy;
  if (violations.string('Policy', policy, { min: 1, max: 10_240, required: true })) {
    try {
      JSON.parse(policy);
    } catch {
      violations.add('Policy', 'Policy must be a JSON document');
    }
  }
  entityOf(context, checkResourceArn(context.body.ResourceArn, violations)).policy = policy as string;
  return {};
}

/** GET /GetResourcePolicy?resourceArn=: ResourceNotFoundException when the entity has none. */
export function getResourcePolicy(context: OperationContext): unknown {
  const arn = checkResourceArn(context.query.get('resourceArn') ?? undefined);
  const policy = entityOf(context, arn).policy;
  if (policy === undefined) throw MarketplaceException.notFound(`Resource ${arn} has no resource policy.`);
  return { Policy: policy };
}

/** DELETE /DeleteResourcePolicy?resourceArn=. */
export function deleteResourcePolicy(context: OperationContext): unknown {
  const entity = entityOf(context, checkResourceArn(context.query.get('resourceArn') ?? undefined));
  if (entity.policy === undefined)
    throw MarketplaceException.notFound(`Resource ${entity.arn} has no resource policy.`);
  delete entity.policy;
  return {};
}
