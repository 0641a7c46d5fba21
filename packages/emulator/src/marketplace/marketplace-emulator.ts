import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { delay } from '../shared/delay.js';
import { FaultInjector } from '../shared/fault-injector.js';
import { dropConnection, sendJson, startHttpServer } from '../shared/http-server.js';
import { RateLimiter } from '../shared/rate-limiter.js';
import { CatalogState, type ChangeSetStatus, type StoredChangeSet } from './catalog-state.js';
import {
  defaultMarketplaceCredentials,
  documentedRates,
  type MarketplaceCredentials,
  type MarketplaceEmulatorOptions,
  type MarketplaceOperation,
} from './marketplace-emulator-options.js';
import { MarketplaceException } from './marketplace-exception.js';
import { verifySigV4 } from './sigv4-verifier.js';

export interface RunningMarketplaceEmulator {
  /** What the SDK's `endpoint` option takes: `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly region: string;
  /** The first accepted key pair (emulator-only test credentials). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Add fault rules while running. */
  readonly faults: FaultInjector;
  /** Requests that reached an operation (after authentication), or all of them. */
  requestCount(operation?: string): number;
  /** Every change set, for tests to inspect. */
  changeSets(): ReadonlyArray<{
    changeSetId: string;
    status: ChangeSetStatus;
    intent: 'APPLY' | 'VALIDATE';
    entityIds: string[];
    clientRequestToken?: string;
    startTime: string;
    endTime?: string;
  }>;
  close(): Promise<void>;
}

const routes: Record<string, { method: string; operation: MarketplaceOperation }> = {
  '/StartChangeSet': { method: 'POST', operation: 'StartChangeSet' },
  '/DescribeChangeSet': { method: 'GET', operation: 'DescribeChangeSet' },
  '/ListChangeSets': { method: 'POST', operation: 'ListChangeSets' },
  '/CancelChangeSet': { method: 'PATCH', operation: 'CancelChangeSet' },
  '/DescribeEntity': { method: 'GET', operation: 'DescribeEntity' },
  '/ListEntities': { method: 'POST', operation: 'ListEntities' },
};

function describeChangeSet(changeSet: StoredChangeSet) {
  return {
    ChangeSetId: changeSet.id,
    ChangeSetArn: changeSet.arn,
    ...(changeSet.name ? { ChangeSetName: changeSet.name } : {}),
    Intent: changeSet.intent,
    StartTime: changeSet.startTime,
    ...(changeSet.endTime ? { EndTime: changeSet.endTime } : {}),
    Status: changeSet.status,
    ...(changeSet.failureCode ? { FailureCode: changeSet.failureCode } : {}),
    ...(changeSet.failureDescription ? { FailureDescription: changeSet.failureDescription } : {}),
    ChangeSet: changeSet.changes.map((change) => ({ ...change, ErrorDetailList: change.ErrorDetailList ?? [] })),
  };
}

function page<T>(items: readonly T[], body: { MaxResults?: unknown; NextToken?: unknown }, max: number) {
  const size = typeof body.MaxResults === 'number' ? body.MaxResults : max;
  if (size < 1 || size > max) {
    throw MarketplaceException.validation([
      { Field: 'MaxResults', Reason: 'RANGE', Message: `MaxResults must be 1 to ${max}` },
    ]);
  }
  const start =
    typeof body.NextToken === 'string' ? Number(Buffer.from(body.NextToken, 'base64url').toString()) || 0 : 0;
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? Buffer.from(String(start + size)).toString('base64url') : undefined;
  return { slice, next };
}

/**
 * A local AWS Marketplace Catalog API that the official SDK client talks to unchanged (restJson1, SigV4):
 * StartChangeSet, DescribeChangeSet, ListChangeSets, CancelChangeSet, DescribeEntity, ListEntities, with
 * the page's rules, entity locking, quotas, per-account rates, idempotency and injectable faults.
 */
export async function startMarketplaceEmulator(
  options: MarketplaceEmulatorOptions = {},
): Promise<RunningMarketplaceEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultMarketplaceCredentials];
  const accountOf = (credentials: MarketplaceCredentials) => credentials.accountId ?? '123456789012';
  const region = 'us-east-1';
  const state = new CatalogState(
    region,
    { preparingMs: options.timing?.preparingMs ?? 50, applyingMs: options.timing?.applyingMs ?? 100 },
    options.limits?.openChangeSetsPerAccount ?? 20,
    options.entities ?? [],
    accountOf(accepted[0]!),
  );
  const faults = new FaultInjector(options.faults ?? [], options.seed);
  const limiter = new RateLimiter();
  const rates =
    options.limits?.ratesPerSecond === false ? undefined : { ...documentedRates, ...options.limits?.ratesPerSecond };
  const counts = new Map<string, number>();

  const fail = (response: ServerResponse, requestId: string, error: MarketplaceException) =>
    sendJson(
      response,
      error.status,
      {
        message: error.message,
        Message: error.message,
        ...(error.fields ? { ValidationExceptionFieldList: error.fields } : {}),
      },
      { 'x-amzn-errortype': error.exception, 'x-amzn-requestid': requestId },
    );

  const server = await startHttpServer(
    async (request, body, response) => {
      const requestId = randomUUID();
      const url = new URL(request.url ?? '/', 'http://emulator');
      const route = routes[url.pathname];
      try {
        if (!route || route.method !== request.method) {
          throw new MarketplaceException(
            'UnknownOperationException',
            404,
            `No operation at ${request.method} ${url.pathname}`,
          );
        }
        const credentials = verifySigV4(request.method ?? 'GET', url, request.headers, body, accepted);
        const account = accountOf(credentials);
        const { operation } = route;
        counts.set(operation, (counts.get(operation) ?? 0) + 1);

        const fault = faults.next(operation);
        if (fault?.kind === 'slow') await delay(fault.delayMs);
        if (fault?.kind === 'drop' && !fault.after) return dropConnection(response);
        if (fault?.kind === 'throttle') throw new MarketplaceException('ThrottlingException', 429, 'Rate exceeded');
        if (fault?.kind === 'server-error' && !fault.after) {
          throw new MarketplaceException(
            'InternalServiceException',
            fault.status,
            'An internal error occurred (injected).',
          );
        }
        if (rates && !limiter.tryTake(`${account}|${operation}`, rates[operation])) {
          throw new MarketplaceException('ThrottlingException', 429, `Rate exceeded for ${operation}`);
        }

        const json = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
        let answer: unknown;
        switch (operation) {
          case 'StartChangeSet': {
            const changeSet = state.start(account, json);
            answer = { ChangeSetId: changeSet.id, ChangeSetArn: changeSet.arn };
            break;
          }
          case 'DescribeChangeSet':
            answer = describeChangeSet(state.describe(account, url.searchParams.get('changeSetId') ?? ''));
            break;
          case 'CancelChangeSet': {
            const changeSet = state.cancel(account, url.searchParams.get('changeSetId') ?? '');
            answer = { ChangeSetId: changeSet.id, ChangeSetArn: changeSet.arn };
            break;
          }
          case 'ListChangeSets':
            answer = listChangeSets(state, account, json);
            break;
          case 'DescribeEntity': {
            const entity = state.entity(account, url.searchParams.get('entityId') ?? '');
            answer = {
              EntityType: entity.type,
              EntityIdentifier: entity.identifier,
              EntityArn: entity.arn,
              LastModifiedDate: entity.lastModified,
              Details: JSON.stringify(entity.details),
              DetailsDocument: entity.details,
            };
            break;
          }
          case 'ListEntities': {
            if (typeof json.EntityType !== 'string') {
              throw MarketplaceException.validation([
                { Field: 'EntityType', Reason: 'REQUIRED', Message: 'EntityType is required' },
              ]);
            }
            const matching = state
              .entities(account)
              .filter((entity) => entity.type.split('@')[0] === String(json.EntityType).split('@')[0]);
            const { slice, next } = page(matching, json, 50);
            answer = {
              EntitySummaryList: slice.map((entity) => ({
                Name: entity.name,
                EntityType: entity.type,
                EntityId: entity.identifier,
                EntityArn: entity.arn,
                LastModifiedDate: entity.lastModified,
                Visibility: 'Public',
              })),
              ...(next ? { NextToken: next } : {}),
            };
            break;
          }
        }
        if (fault?.kind === 'drop') return dropConnection(response);
        if (fault?.kind === 'server-error') {
          throw new MarketplaceException(
            'InternalServiceException',
            fault.status,
            'An internal error occurred (injected, after the request took effect).',
          );
        }
        sendJson(response, 200, answer, { 'x-amzn-requestid': requestId });
      } catch (error) {
        if (error instanceof MarketplaceException) return fail(response, requestId, error);
        if (error instanceof SyntaxError) {
          return fail(
            response,
            requestId,
            new MarketplaceException('SerializationException', 400, 'The request body is not valid JSON.'),
          );
        }
        return fail(response, requestId, new MarketplaceException('InternalServiceException', 500, String(error)));
      }
    },
    { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
  );

  return {
    endpoint: `http://${server.host}:${server.port}`,
    host: server.host,
    port: server.port,
    region,
    credentials: { accessKeyId: accepted[0]!.accessKeyId, secretAccessKey: accepted[0]!.secretAccessKey },
    faults,
    requestCount: (operation) =>
      operation ? (counts.get(operation) ?? 0) : [...counts.values()].reduce((sum, count) => sum + count, 0),
    changeSets: () =>
      [...state.changeSets.values()].map((changeSet) => ({
        changeSetId: changeSet.id,
        status: changeSet.status,
        intent: changeSet.intent,
        entityIds: changeSet.changes.map((change) => change.Entity.Identifier),
        ...(changeSet.clientRequestToken ? { clientRequestToken: changeSet.clientRequestToken } : {}),
        startTime: changeSet.startTime,
        ...(changeSet.endTime ? { endTime: changeSet.endTime } : {}),
      })),
    close: async () => {
      state.close();
      await server.close();
    },
  };
}

const filterNames = new Set([
  'ChangeSetName',
  'Status',
  'EntityId',
  'BeforeStartTime',
  'AfterStartTime',
  'BeforeEndTime',
  'AfterEndTime',
]);

function listChangeSets(state: CatalogState, account: string, body: Record<string, unknown>) {
  if (body.Catalog !== 'AWSMarketplace') {
    throw MarketplaceException.validation([
      { Field: 'Catalog', Reason: 'REQUIRED', Message: 'Catalog must be AWSMarketplace' },
    ]);
  }
  const filters = (body.FilterList ?? []) as { Name?: string; ValueList?: string[] }[];
  if (!Array.isArray(filters) || filters.length > 8) {
    throw MarketplaceException.validation([
      { Field: 'FilterList', Reason: 'LENGTH', Message: 'FilterList holds 1 to 8 filters' },
    ]);
  }
  const fields = filters.flatMap((filter, index) =>
    !filter.Name || !filterNames.has(filter.Name)
      ? [{ Field: `FilterList[${index}].Name`, Reason: 'ENUM', Message: `unknown filter ${filter.Name}` }]
      : !Array.isArray(filter.ValueList) || filter.ValueList.length < 1 || filter.ValueList.length > 10
        ? [{ Field: `FilterList[${index}].ValueList`, Reason: 'LENGTH', Message: 'ValueList holds 1 to 10 values' }]
        : [],
  );
  if (fields.length > 0) throw MarketplaceException.validation(fields);
  let items = [...state.changeSets.values()].filter((changeSet) => changeSet.account === account);
  for (const { Name, ValueList = [] } of filters) {
    const value = ValueList[0] ?? '';
    items = items.filter((changeSet) => {
      switch (Name) {
        case 'ChangeSetName':
          return ValueList.includes(changeSet.name ?? '');
        case 'Status':
          return ValueList.includes(changeSet.status);
        case 'EntityId':
          return changeSet.changes.some((change) => ValueList.includes(change.Entity.Identifier));
        case 'BeforeStartTime':
          return changeSet.startTime <= value;
        case 'AfterStartTime':
          return changeSet.startTime >= value;
        case 'BeforeEndTime':
          return changeSet.endTime !== undefined && changeSet.endTime <= value;
        default:
          return changeSet.endTime !== undefined && changeSet.endTime >= value;
      }
    });
  }
  const sort = (body.Sort ?? {}) as { SortBy?: string; SortOrder?: string };
  const key = (changeSet: StoredChangeSet) =>
    sort.SortBy === 'EndTime'
      ? (changeSet.endTime ?? '')
      : sort.SortBy === 'Status'
        ? changeSet.status
        : sort.SortBy === 'ChangeSetId'
          ? changeSet.id
          : sort.SortBy === 'Name'
            ? (changeSet.name ?? '')
            : changeSet.startTime;
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (sort.SortOrder === 'DESCENDING') items.reverse();
  const { slice, next } = page(items, body, 20);
  return {
    ChangeSetSummaryList: slice.map((changeSet) => ({
      ChangeSetId: changeSet.id,
      ChangeSetArn: changeSet.arn,
      ...(changeSet.name ? { ChangeSetName: changeSet.name } : {}),
      StartTime: changeSet.startTime,
      ...(changeSet.endTime ? { EndTime: changeSet.endTime } : {}),
      Status: changeSet.status,
      EntityIdList: changeSet.changes.map((change) => change.Entity.Identifier),
      ...(changeSet.failureCode ? { FailureCode: changeSet.failureCode } : {}),
    })),
    ...(next ? { NextToken: next } : {}),
  };
}
