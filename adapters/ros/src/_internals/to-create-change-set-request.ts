import * as $Ros from '@alicloud/ros20190910';
import type { RosChangeSetRequest } from '../ros-change-set-request.js';

const asText = (value: string | Readonly<Record<string, unknown>> | undefined) =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value);

/**
 * The SDK's request model for a checked request (`checkRosRequest`'s copy, ignored parameters already left
 * out), with the ClientToken every attempt reuses. Every parameter of SDK 3.7.0's CreateChangeSetRequest.
 */
export function toCreateChangeSetRequest(
  request: RosChangeSetRequest,
  clientToken: string,
): $Ros.CreateChangeSetRequest {
  return new $Ros.CreateChangeSetRequest({
    regionId: request.regionId,
    changeSetName: request.changeSetName,
    changeSetType: request.changeSetType ?? 'UPDATE',
    stackName: request.stackName,
    stackId: request.stackId,
    templateBody: asText(request.templateBody),
    templateURL: request.templateURL,
    templateId: request.templateId,
    templateVersion: request.templateVersion,
    templateScratchId: request.templateScratchId,
    parameters: request.parameters
      ? Object.entries(request.parameters).map(
          ([parameterKey, parameterValue]) =>
            new $Ros.CreateChangeSetRequestParameters({ parameterKey, parameterValue }),
        )
      : undefined,
    usePreviousParameters: request.usePreviousParameters,
    stackPolicyBody: asText(request.stackPolicyBody),
    stackPolicyURL: request.stackPolicyURL,
    stackPolicyDuringUpdateBody: asText(request.stackPolicyDuringUpdateBody),
    stackPolicyDuringUpdateURL: request.stackPolicyDuringUpdateURL,
    timeoutInMinutes: request.timeoutInMinutes,
    disableRollback: request.disableRollback,
    notificationURLs: request.notificationURLs ? [...request.notificationURLs] : undefined,
    resourcesToImport: request.resourcesToImport?.map(
      (resource) =>
        new $Ros.CreateChangeSetRequestResourcesToImport({
          resourceType: resource.resourceType,
          logicalResourceId: resource.logicalResourceId,
          resourceIdentifier: asText(resource.resourceIdentifier),
        }),
    ),
    ramRoleName: request.ramRoleName,
    replacementOption: request.replacementOption,
    parallelism: request.parallelism,
    resourceGroupId: request.resourceGroupId,
    taintResources: request.taintResources ? [...request.taintResources] : undefined,
    tags: request.tags?.map((tag) => new $Ros.CreateChangeSetRequestTags({ key: tag.key, value: tag.value })),
    description: request.description,
    clientToken,
  });
}
