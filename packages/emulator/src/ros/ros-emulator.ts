import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { delay } from '../shared/delay.js';
import { FaultInjector } from '../shared/fault-injector.js';
import { dropConnection, sendJson, startHttpServer } from '../shared/http-server.js';
import { RateLimiter } from '../shared/rate-limiter.js';
import { verifyAcs3Signature } from './acs3-signature.js';
import { defaultRosCredentials, type RosEmulatorOptions } from './ros-emulator-options.js';
import { RosError } from './ros-error.js';
import { RosRequestParameters } from './ros-request-parameters.js';
import { type RosChangeSet, type RosStack, RosState } from './ros-state.js';

/** A started ROS emulator: its endpoint, inspection hooks and close. */
export interface RunningRosEmulator {
  /** What the SDK's `endpoint` option takes: `127.0.0.1:PORT` (no scheme; use protocol 'http'). */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly regionId: string;
  /** The first accepted key pair (emulator-only test credentials). */
  readonly credentials: { readonly accessKeyId: string; readonly accessKeySecret: string };
  readonly faults: FaultInjector;
  /** Requests that reached an action (after authentication), or all of them. */
  requestCount(action?: string): number;
  /** Every change set the emulator holds. */
  changeSets(): ReadonlyArray<{
    changeSetId: string;
    changeSetName: string;
    stackId: string;
    status: string;
    executionStatus: string;
  }>;
  /** Stacks, for tests to inspect. */
  stacks(): ReadonlyArray<{ stackId: string; stackName: string; status: string }>;
  /** Stops the server and its scheduled transitions. */
  close(): Promise<void>;
}

const actions = new Set([
  'CreateChangeSet',
  'ExecuteChangeSet',
  'GetChangeSet',
  'ListChangeSets',
  'DeleteChangeSet',
  'GetStack',
  'ListStacks',
  'CancelUpdateStack',
]);

function changeSetBody(changeSet: RosChangeSet, stack: RosStack, showTemplate: boolean) {
  return {
    ChangeSetId: changeSet.id,
    ChangeSetName: changeSet.name,
    ChangeSetType: changeSet.type,
    StackId: stack.id,
    StackName: stack.name,
    RegionId: changeSet.regionId,
    Status: changeSet.status,
    ExecutionStatus: changeSet.executionStatus,
    ...(changeSet.statusReason ? { StatusReason: changeSet.statusReason } : {}),
    CreateTime: changeSet.createTime,
    Changes: changeSet.changes,
    Parameters: Object.entries(changeSet.parameters).map(([ParameterKey, ParameterValue]) => ({
      ParameterKey,
      ParameterValue,
    })),
    DisableRollback: changeSet.disableRollback,
    ...(changeSet.description ? { Description: changeSet.description } : {}),
    ...(changeSet.timeoutInMinutes ? { TimeoutInMinutes: changeSet.timeoutInMinutes } : {}),
    ...(showTemplate ? { TemplateBody: changeSet.templateBody } : {}),
  };
}

function pageOf<T>(items: T[], params: RosRequestParameters) {
  const pageNumber = params.integer('PageNumber') ?? 1;
  const pageSize = params.integer('PageSize') ?? 10;
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw RosError.invalid('PageNumber', 'an integer of at least 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 50)
    throw RosError.invalid('PageSize', 'an integer from 1 to 50');
  return {
    page: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: items.length,
  };
}

/**
 * A local Alibaba Cloud ROS (2019-09-10) that the official `@alicloud/ros20190910` client talks to unchanged:
 * ACS3-HMAC-SHA256 verified, the change-set actions with the CreateChangeSet/ExecuteChangeSet rules and
 * state machine, ClientToken idempotency, throttling and injectable faults.
 */
export async function startRosEmulator(options: RosEmulatorOptions = {}): Promise<RunningRosEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultRosCredentials];
  const state = new RosState(
    { createMs: options.timing?.createMs ?? 50, executeMs: options.timing?.executeMs ?? 100 },
    options.limits?.changeSetsPerStack ?? 20,
    options.templates ?? {},
  );
  const faults = new FaultInjector(options.faults ?? [], options.seed);
  const limiter = new RateLimiter();
  const nonces = new Set<string>();
  const counts = new Map<string, number>();
  const regionId = 'cn-hangzhou';

  const fail = (response: ServerResponse, requestId: string, error: RosError) =>
    sendJson(
      response,
      error.status,
      {
        Code: error.code,
        Message: error.message,
        RequestId: requestId,
        HostId: 'ros.aliyuncs.com',
        Recommend: `https://api.aliyun.com/troubleshoot?q=${error.code}`,
      },
      error.headers,
    );

  const server = await startHttpServer(
    async (request, body, response) => {
      const requestId = randomUUID().toUpperCase();
      try {
        const [, rawQuery = ''] = (request.url ?? '/').split('?', 2);
        const credentials = verifyAcs3Signature(
          request.method ?? 'POST',
          rawQuery,
          request.headers,
          body,
          accepted,
          nonces,
        );
        const action = String(request.headers['x-acs-action'] ?? '');
        if (request.headers['x-acs-version'] !== '2019-09-10')
          throw new RosError('InvalidVersion', 400, 'Specified parameter Version is not valid.');
        if (!actions.has(action))
          throw new RosError('InvalidAction.NotFound', 404, `Specified api ${action} is not found.`);
        counts.set(action, (counts.get(action) ?? 0) + 1);

        const fault = faults.next(action);
        if (fault?.kind === 'slow') await delay(fault.delayMs);
        if (fault?.kind === 'drop' && !fault.after) return dropConnection(response);
        const throttle = (message: string, retryAfterMs: number) =>
          new RosError('Throttling.User', 400, message, { 'x-acs-retry-after': String(retryAfterMs) });
        if (fault?.kind === 'throttle') throw throttle('Request was denied due to user flow control (injected).', 200);
        if (fault?.kind === 'server-error' && !fault.after) {
          throw fault.status === 503
            ? new RosError(
                'ServiceUnavailable',
                503,
                'The request has failed due to a temporary failure of the server.',
              )
            : new RosError('InternalError', 500, 'The request processing has failed due to some unknown error.');
        }
        const rate = options.limits?.requestsPerSecond;
        if (rate && !limiter.tryTake(credentials.accessKeyId, rate)) {
          throw throttle(
            'Request was denied due to user flow control.',
            limiter.retryAfterMs(credentials.accessKeyId, rate),
          );
        }

        const params = new RosRequestParameters(
          new URLSearchParams(rawQuery),
          new URLSearchParams(body.toString('utf8')),
        );
        let answer: Record<string, unknown>;
        switch (action) {
          case 'CreateChangeSet': {
            const created = state.createChangeSet(params);
            answer = { ChangeSetId: created.changeSetId, StackId: created.stackId };
            break;
          }
          case 'ExecuteChangeSet':
            state.executeChangeSet(params);
            answer = {};
            break;
          case 'GetChangeSet': {
            const changeSet = state.getChangeSet(params.get('ChangeSetId'));
            answer = changeSetBody(
              changeSet,
              state.getStack(changeSet.stackId),
              params.boolean('ShowTemplate') ?? false,
            );
            break;
          }
          case 'ListChangeSets': {
            const stackId = params.get('StackId');
            if (!stackId) throw RosError.missing('StackId');
            state.getStack(stackId);
            const names = params.strings('ChangeSetName');
            const statuses = params.strings('Status');
            const executionStatuses = params.strings('ExecutionStatus');
            const items = [...state.changeSets.values()].filter(
              (changeSet) =>
                changeSet.stackId === stackId &&
                changeSet.status !== 'DELETE_COMPLETE' &&
                (names.length === 0 || names.includes(changeSet.name)) &&
                (statuses.length === 0 || statuses.includes(changeSet.status)) &&
                (executionStatuses.length === 0 || executionStatuses.includes(changeSet.executionStatus)),
            );
            const { page, ...paging } = pageOf(items, params);
            const stack = state.getStack(stackId);
            answer = {
              ChangeSets: page.map((changeSet) => {
                const {
                  Changes: _changes,
                  Parameters: _parameters,
                  ...summary
                } = changeSetBody(changeSet, stack, false);
                return summary;
              }),
              ...paging,
            };
            break;
          }
          case 'DeleteChangeSet':
            state.deleteChangeSet(params.get('ChangeSetId'));
            answer = {};
            break;
          case 'GetStack': {
            const stack = state.getStack(params.get('StackId'));
            answer = {
              StackId: stack.id,
              StackName: stack.name,
              RegionId: stack.regionId,
              Status: stack.status,
              ...(stack.statusReason ? { StatusReason: stack.statusReason } : {}),
              CreateTime: stack.createTime,
              ...(stack.updateTime ? { UpdateTime: stack.updateTime } : {}),
              TimeoutInMinutes: stack.timeoutInMinutes,
              DisableRollback: stack.disableRollback,
              Parameters: Object.entries(stack.parameters).map(([ParameterKey, ParameterValue]) => ({
                ParameterKey,
                ParameterValue,
              })),
            };
            break;
          }
          case 'ListStacks': {
            const names = params.strings('StackName');
            const statuses = params.strings('Status');
            const items = [...state.stacks.values()].filter(
              (stack) =>
                stack.status !== 'DELETE_COMPLETE' &&
                (names.length === 0 || names.includes(stack.name)) &&
                (statuses.length === 0 || statuses.includes(stack.status)),
            );
            const { page, ...paging } = pageOf(items, params);
            answer = {
              Stacks: page.map((stack) => ({
                StackId: stack.id,
                StackName: stack.name,
                Status: stack.status,
                RegionId: stack.regionId,
                CreateTime: stack.createTime,
              })),
              ...paging,
            };
            break;
          }
          default:
            state.cancelUpdateStack(params.get('StackId'));
            answer = {};
        }
        if (fault?.kind === 'drop') return dropConnection(response);
        if (fault?.kind === 'server-error') {
          throw new RosError(
            'InternalError',
            500,
            'The request processing has failed due to some unknown error (after it took effect).',
          );
        }
        sendJson(response, 200, { ...answer, RequestId: requestId });
      } catch (error) {
        if (error instanceof RosError) return fail(response, requestId, error);
        return fail(response, requestId, new RosError('InternalError', 500, String(error)));
      }
    },
    { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
  );

  return {
    endpoint: `${server.host}:${server.port}`,
    host: server.host,
    port: server.port,
    regionId,
    credentials: { accessKeyId: accepted[0]!.accessKeyId, accessKeySecret: accepted[0]!.accessKeySecret },
    faults,
    requestCount: (action) =>
      action ? (counts.get(action) ?? 0) : [...counts.values()].reduce((sum, count) => sum + count, 0),
    changeSets: () =>
      [...state.changeSets.values()].map((changeSet) => ({
        changeSetId: changeSet.id,
        changeSetName: changeSet.name,
        stackId: changeSet.stackId,
        status: changeSet.status,
        executionStatus: changeSet.executionStatus,
      })),
    stacks: () =>
      [...state.stacks.values()].map((stack) => ({ stackId: stack.id, stackName: stack.name, status: stack.status })),
    close: async () => {
      state.close();
      await server.close();
    },
  };
}
