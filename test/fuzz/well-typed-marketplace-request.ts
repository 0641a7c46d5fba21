import { hasOnly, isArrayOf, isJson, isPlainObject, isString, optional } from './well-typed.js';

const isTag = (tag: unknown) =>
  isPlainObject(tag) && hasOnly(tag, ['key', 'value']) && isString(tag.key) && isString(tag.value);

const isChange = (change: unknown) =>
  isPlainObject(change) &&
  hasOnly(change, ['changeType', 'entity', 'details', 'entityTags', 'changeName']) &&
  isString(change.changeType) &&
  isPlainObject(change.entity) &&
  hasOnly(change.entity, ['type', 'identifier']) &&
  isString(change.entity.type) &&
  optional(change.entity.identifier, isString) &&
  optional(change.details, (details) => details !== null && isJson(details)) &&
  optional(change.entityTags, (tags) => isArrayOf(tags, isTag)) &&
  optional(change.changeName, isString);

/** Whether a value has exactly the shape and member types of `MarketplaceChangeSetRequest`. */
export const isWellTypedMarketplaceRequest = (request: unknown): boolean =>
  isPlainObject(request) &&
  hasOnly(request, ['catalog', 'changes', 'changeSetName', 'changeSetTags', 'clientToken']) &&
  optional(request.catalog, isString) &&
  isArrayOf(request.changes, isChange) &&
  optional(request.changeSetName, isString) &&
  optional(request.changeSetTags, (tags) => isArrayOf(tags, isTag)) &&
  optional(request.clientToken, isString);
