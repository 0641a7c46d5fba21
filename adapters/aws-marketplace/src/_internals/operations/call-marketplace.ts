import { type CallOptions, type ChangeSetError, withRetry } from '@changeplane/core';
import { ResultAsync } from 'neverthrow';
import { type MarketplaceErrorContext, mapMarketplaceError } from '../map-marketplace-error.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';

/** One Marketplace Catalog API call, as `callMarketplace` runs it. */
export interface MarketplaceCall<Output> {
  /** Names the call in the retry and its errors (`start`, `describe`, `cancel`, ...). */
  readonly operation: string;
  /** What the error mapper is told; `{ operation }` when omitted. */
  readonly errorContext?: MarketplaceErrorContext;
  /** Checked before every attempt; its error ends the call (the fencing check before StartChangeSet). */
  readonly before?: () => ResultAsync<void, ChangeSetError>;
  /** The SDK call, given the caller's abort signal as the SDK takes it; the same request on every attempt. */
  readonly send: (abort: { readonly abortSignal: AbortSignal } | undefined) => Promise<Output>;
}

/**
 * Every Marketplace call goes through here: the SDK call (its own retries off: one attempt per retry) with
 * the caller's abort signal, the error mapped into the core union, under the provider's retry policy with
 * the call's overrides.
 */
export function callMarketplace<Output>(
  session: Pick<MarketplaceSession, 'options' | 'redactor'>,
  call: MarketplaceCall<Output>,
  options: CallOptions,
): ResultAsync<Output, ChangeSetError> {
  const abort = options.signal ? { abortSignal: options.signal } : undefined;
  const errorContext = { ...(call.errorContext ?? { operation: call.operation }), redactor: session.redactor };
  const send = () => ResultAsync.fromPromise(call.send(abort), (error) => mapMarketplaceError(error, errorContext));
  const before = call.before;
  return withRetry(before ? () => before().andThen(send) : send, {
    provider: marketplaceProviderId,
    operation: call.operation,
    policy: { ...session.options.retry, ...options.retry },
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
