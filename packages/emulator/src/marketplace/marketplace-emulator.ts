import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { delay } from '../shared/delay.js';
import { FaultInjector } from '../shared/fault-injector.js';
import { dropConnection, sendJson, startHttpServer } from '../shared/http-server.js';
import { RateLimiter } from '../shared/rate-limiter.js';
import { CatalogState } from './catalog-state.js';
import { defaultMarketplaceCredentials } from './default-marketplace-credentials.js';
import { documentedRates } from './documented-rates.js';
import type { MarketplaceCredentials, MarketplaceEmulatorOptions } from './marketplace-emulator-options.js';
import { MarketplaceException } from './marketplace-exception.js';
import { marketplaceRoutes } from './marketplace-routes.js';
import type { RunningMarketplaceEmulator } from './running-marketplace-emulator.js';
import { verifySigV4 } from './sigv4-verifier.js';

const defaultAccount = '123456789012';
const region = 'us-east-1';

/** restJson1 errors: the name in `x-amzn-ErrorType`, `{"message"}` (plus the field list) in the body. */
function sendError(response: ServerResponse, requestId: string, error: MarketplaceException): void {
  sendJson(
    response,
    error.status,
    { message: error.message, ...(error.fields ? { ValidationExceptionFieldList: error.fields } : {}) },
    { 'x-amzn-ErrorType': error.exception, 'x-amzn-RequestId': requestId },
  );
}

function injectedServerError(status: 500 | 503, when: string): MarketplaceException {
  return status === 503
    ? new MarketplaceException('ServiceUnavailableException', 503, `Service unavailable (injected ${when}).`)
    : new MarketplaceException(
        'InternalServiceException',
        500,
        `There was an internal service exception (injected ${when}).`,
      );
}

/** The JSON object a POST carries; GET and PATCH carry none. */
function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new MarketplaceException('SerializationException', 400, 'The request body is not a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/**
 * A local AWS Marketplace Catalog API that the official SDK client talks to unchanged (restJson1, SigV4
 * service `aws-marketplace`): StartChangeSet, DescribeChangeSet, ListChangeSets, CancelChangeSet,
 * DescribeEntity and ListEntities, with the StartChangeSet page's rules, entity locking, the open change
 * set quota, per-account rates, ClientRequestToken idempotency and injectable faults.
 *
 * A request goes: route -> signature -> count -> injected fault -> rate limit -> handler -> after-faults.
 */
export async function startMarketplaceEmulator(
  options: MarketplaceEmulatorOptions = {},
): Promise<RunningMarketplaceEmulator> {
  const accepted = options.credentials?.length ? options.credentials : [defaultMarketplaceCredentials];
  const first = accepted[0] as MarketplaceCredentials;
  const accountOf = (credentials: MarketplaceCredentials) => credentials.accountId ?? defaultAccount;
  const state = new CatalogState(
    {
      region,
      preparingMs: options.timing?.preparingMs ?? 50,
      applyingMs: options.timing?.applyingMs ?? 100,
      openChangeSetsPerAccount: options.limits?.openChangeSetsPerAccount ?? 20,
    },
    options.entities ?? [],
    accountOf(first),
  );
  const faults = new FaultInjector(options.faults ?? [], options.seed);
  const limiter = new RateLimiter();
  const rates =
    options.limits?.ratesPerSecond === false ? undefined : { ...documentedRates, ...options.limits?.ratesPerSecond };
  const counts = new Map<string, number>();

  const server = await startHttpServer(
    async (request, body, response) => {
      const requestId = randomUUID();
      const url = new URL(request.url ?? '/', 'http://emulator');
      const route = marketplaceRoutes[url.pathname];
      try {
        if (!route || route.method !== request.method) {
          throw new MarketplaceException(
            'UnknownOperationException',
            404,
            `No operation at ${request.method} ${url.pathname}.`,
          );
        }
        const credentials = verifySigV4(request.method, url, request.headers, body, accepted);
        const account = accountOf(credentials);
        const { operation } = route;
        counts.set(operation, (counts.get(operation) ?? 0) + 1);

        const fault = faults.next(operation);
        if (fault?.kind === 'slow') await delay(fault.delayMs);
        if (fault?.kind === 'drop' && !fault.after) return dropConnection(response);
        if (fault?.kind === 'throttle')
          throw new MarketplaceException('ThrottlingException', 429, 'Rate exceeded (injected).');
        if (fault?.kind === 'server-error' && !fault.after)
          throw injectedServerError(fault.status, 'before the request');
        if (rates && !limiter.tryTake(`${account}|${operation}`, rates[operation])) {
          throw new MarketplaceException(
            'ThrottlingException',
            429,
            `Rate exceeded: ${operation} allows ${rates[operation]} requests per second per account.`,
          );
        }

        const answer = route.handle({ state, account, query: url.searchParams, body: parseBody(body) });

        // After-faults: the request took effect, but the caller never hears so.
        if (fault?.kind === 'drop') {
          await delay(fault.delayMs);
          return dropConnection(response);
        }
        if (fault?.kind === 'server-error') throw injectedServerError(fault.status, 'after the request took effect');
        sendJson(response, 200, answer, { 'x-amzn-RequestId': requestId });
      } catch (error) {
        const exception =
          error instanceof MarketplaceException
            ? error
            : new MarketplaceException('InternalServiceException', 500, `Emulator error: ${String(error)}`);
        sendError(response, requestId, exception);
      }
    },
    { host: options.host ?? '127.0.0.1', port: options.port ?? 0 },
  );

  return {
    endpoint: `http://${server.host}:${server.port}`,
    host: server.host,
    port: server.port,
    region,
    credentials: { accessKeyId: first.accessKeyId, secretAccessKey: first.secretAccessKey },
    faults,
    requestCount: (operation) =>
      operation === undefined
        ? [...counts.values()].reduce((sum, count) => sum + count, 0)
        : (counts.get(operation) ?? 0),
    changeSets: () =>
      state.allChangeSets().map((changeSet) => ({
        changeSetId: changeSet.id,
        status: changeSet.status,
        intent: changeSet.intent,
        entityIds: [...new Set(changeSet.changes.map((change) => change.Entity.Identifier))],
        lockedEntityIds: [...changeSet.lockedEntities],
        ...(changeSet.clientRequestToken !== undefined ? { clientRequestToken: changeSet.clientRequestToken } : {}),
        startTime: changeSet.startTime,
        ...(changeSet.endTime !== undefined ? { endTime: changeSet.endTime } : {}),
        lockedFrom: changeSet.lockedFrom,
        ...(changeSet.lockedUntil !== undefined ? { lockedUntil: changeSet.lockedUntil } : {}),
      })),
    close: async () => {
      state.close();
      await server.close();
    },
  };
}
