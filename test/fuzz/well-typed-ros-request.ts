import { hasOnly, isArrayOf, isJson, isPlainObject, isString, optional } from './well-typed.js';

const isBoolean = (value: unknown) => typeof value === 'boolean';
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const isTextOrObject = (value: unknown) => isString(value) || (isPlainObject(value) && isJson(value));
const isStringRecord = (value: unknown) => isPlainObject(value) && Object.values(value).every(isString);
const oneOf = (values: readonly string[]) => (value: unknown) => isString(value) && values.includes(value);

const members: Record<string, (value: unknown) => boolean> = {
  changeSetType: oneOf(['CREATE', 'UPDATE', 'IMPORT']),
  regionId: isString,
  changeSetName: isString,
  stackName: isString,
  stackId: isString,
  templateBody: isTextOrObject,
  templateURL: isString,
  templateId: isString,
  templateVersion: isString,
  templateScratchId: isString,
  parameters: isStringRecord,
  usePreviousParameters: isBoolean,
  stackPolicyBody: isTextOrObject,
  stackPolicyURL: isString,
  stackPolicyDuringUpdateBody: isTextOrObject,
  stackPolicyDuringUpdateURL: isString,
  timeoutInMinutes: isNumber,
  disableRollback: isBoolean,
  notificationURLs: (value) => isArrayOf(value, isString),
  resourcesToImport: (value) =>
    isArrayOf(
      value,
      (item) =>
        isPlainObject(item) &&
        hasOnly(item, ['resourceType', 'logicalResourceId', 'resourceIdentifier']) &&
        isString(item.resourceType) &&
        isString(item.logicalResourceId) &&
        (isString(item.resourceIdentifier) || isStringRecord(item.resourceIdentifier)),
    ),
  ramRoleName: isString,
  replacementOption: oneOf(['Enabled', 'Disabled']),
  parallelism: isNumber,
  resourceGroupId: isString,
  taintResources: (value) => isArrayOf(value, isString),
  tags: (value) =>
    isArrayOf(
      value,
      (tag) =>
        isPlainObject(tag) && hasOnly(tag, ['key', 'value']) && isString(tag.key) && optional(tag.value, isString),
    ),
  description: isString,
  clientToken: isString,
};

/** Whether a value has exactly the shape and member types of `RosChangeSetRequest`. */
export const isWellTypedRosRequest = (request: unknown): boolean =>
  isPlainObject(request) &&
  hasOnly(request, Object.keys(members)) &&
  isString(request.regionId) &&
  isString(request.changeSetName) &&
  Object.entries(request).every(([key, value]) => value === undefined || members[key]!(value));
