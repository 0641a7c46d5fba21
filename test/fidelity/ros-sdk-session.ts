import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The official ROS client against an emulator, and the create -> execute -> GetStack walk the fidelity suites repeat. */
export function rosSession(emulator: {
  endpoint: string;
  regionId: string;
  credentials: { accessKeyId: string; accessKeySecret: string };
}) {
  const regionId = emulator.regionId;
  const client = new ROS.default(
    new $OpenApi.$OpenApiUtil.Config({
      ...emulator.credentials,
      endpoint: new URL(emulator.endpoint).host,
      protocol: 'http',
      regionId,
      readTimeout: 20_000,
      connectTimeout: 20_000,
    }),
  );
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const value = await read();
      if (done(value)) return value;
      await sleep(10);
    }
    throw new Error('the emulator did not settle');
  };
  const getChangeSet = async (changeSetId: string, showTemplate = false) =>
    (await client.getChangeSet(new $Ros.GetChangeSetRequest({ regionId, changeSetId, showTemplate }))).body!;
  const getStack = async (stackId: string, fields: Partial<$Ros.GetStackRequest> = {}) =>
    (await client.getStack(new $Ros.GetStackRequest({ regionId, stackId, ...fields }))).body!;

  /** CreateChangeSet, then wait until the change set leaves CREATE_PENDING/CREATE_IN_PROGRESS. */
  const createChangeSet = async (fields: Partial<$Ros.CreateChangeSetRequest>) => {
    const created = (
      await client.createChangeSet(
        new $Ros.CreateChangeSetRequest({ regionId, changeSetType: 'CREATE', timeoutInMinutes: 30, ...fields }),
      )
    ).body!;
    const changeSet = await until(
      () => getChangeSet(created.changeSetId!),
      (body) => !['CREATE_PENDING', 'CREATE_IN_PROGRESS'].includes(body.status ?? ''),
    );
    return { ...created, changeSet };
  };

  /** Executes a ready change set and waits for the stack to leave *_IN_PROGRESS; returns GetStack's answer. */
  const execute = async (changeSetId: string, stackId: string, fields: Partial<$Ros.GetStackRequest> = {}) => {
    await client.executeChangeSet(new $Ros.ExecuteChangeSetRequest({ regionId, changeSetId }));
    return until(
      () => getStack(stackId, fields),
      (body) => !(body.status ?? '').endsWith('_IN_PROGRESS'),
    );
  };

  const parameters = (values: Record<string, string>) =>
    Object.entries(values).map(
      ([parameterKey, parameterValue]) => new $Ros.CreateChangeSetRequestParameters({ parameterKey, parameterValue }),
    );

  return { client, regionId, until, getChangeSet, getStack, createChangeSet, execute, parameters };
}
