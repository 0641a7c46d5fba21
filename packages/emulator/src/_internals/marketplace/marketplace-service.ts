import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { MarketplaceCredentials } from '../../marketplace/marketplace-emulator-options.js';
import type { EmulatedService } from '../shared/emulated-service.js';
import type { CatalogState } from './catalog-state.js';
import { parseJsonBody } from './json-body.js';
import { marketplaceErrorAnswer, marketplaceGatewayErrors } from './marketplace-error-encoder.js';
import { MarketplaceException } from './marketplace-exception.js';
import { marketplaceRoutes } from './marketplace-routes.js';
import type { OperationContext } from './operation-context.js';
import { verifySigV4 } from './sigv4-verifier.js';

/** What the Marketplace Catalog reads of a request: restJson1, the operation in the path. */
export interface MarketplaceWireRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * The Marketplace Catalog API plugged into the shared pipeline: the route (path and method) first, then SigV4;
 * per-account and per-operation rates; the JSON body decoded before any handler; answers with
 * `x-amzn-RequestId`, errors named in `x-amzn-ErrorType`.
 */
export function marketplaceService(settings: {
  readonly state: CatalogState;
  readonly accepted: readonly MarketplaceCredentials[];
  readonly accountOf: (credentials: MarketplaceCredentials) => string;
  /** Per operation; undefined: no rate limits. */
  readonly rates: Readonly<Record<string, number | undefined>> | undefined;
}): EmulatedService<MarketplaceWireRequest, MarketplaceCredentials, OperationContext> {
  const { state, accepted, accountOf, rates } = settings;
  return {
    newRequestId: () => randomUUID(),
    read: ({ method, target, headers, body }) => ({ method, url: new URL(target, 'http://emulator'), headers, body }),
    routeBeforeSignature: true,
    route: ({ method, url }) => {
      const route = marketplaceRoutes[url.pathname];
      if (!route || route.method !== method) {
        throw new MarketplaceException('UnknownOperationException', 404, `No operation at ${method} ${url.pathname}.`);
      }
      return route;
    },
    authenticate: ({ method, url, headers, body }) => verifySigV4(method, url, headers, body, accepted),
    rateLimit: (operation, caller) => {
      const perSecond = rates?.[operation];
      return perSecond === undefined ? undefined : { key: `${accountOf(caller)}|${operation}`, perSecond };
    },
    context: ({ url, body }, caller) => ({
      state,
      account: accountOf(caller),
      query: url.searchParams,
      body: parseJsonBody(body),
    }),
    errors: marketplaceGatewayErrors,
    failure: marketplaceErrorAnswer,
    success: (answer, requestId) => ({ status: 200, headers: { 'x-amzn-RequestId': requestId }, body: answer }),
  };
}
