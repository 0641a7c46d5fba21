import type { Tag } from './catalog-records.js';
import type { OperationContext } from './operation-context.js';
import { checkResourceArn } from './resource-arn-rule.js';
import { startChangeSetModel as model } from './start-change-set-model.js';
import { tagRules } from './start-change-set-rules.js';
import { ViolationCollector } from './violation-collector.js';

/** POST /TagResource {ResourceArn, Tags}: an entity's or change set's tags; a key given again takes the new value. */
export function tagResource({ state, account, body }: OperationContext): unknown {
  const violations = new ViolationCollector();
  violations.tags('Tags', body.Tags, tagRules);
  if (body.Tags === undefined) violations.add('Tags', 'Tags is required');
  state.tag(account, checkResourceArn(body.ResourceArn, violations), body.Tags as Tag[]);
  return {};
}

/** POST /UntagResource {ResourceArn, TagKeys}: keys the resource does not have are ignored. */
export function untagResource({ state, account, body }: OperationContext): unknown {
  const violations = new ViolationCollector();
  const keys = body.TagKeys;
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > 200) {
    violations.add('TagKeys', 'TagKeys must be a list of 1 to 200 tag keys');
  } else {
    keys.forEach((key, index) => {
      violations.string(`TagKeys[${index}]`, key, model.TagKey);
    });
  }
  state.untag(account, checkResourceArn(body.ResourceArn, violations), keys as string[]);
  return {};
}

/** POST /ListTagsForResource {ResourceArn}. */
export function listTagsForResource({ state, account, body }: OperationContext): unknown {
  const arn = checkResourceArn(body.ResourceArn);
  return { ResourceArn: arn, Tags: state.resource(account, arn).tags };
}
