import { type CallOptions, type ChangeSetError } from '@changeplane/core';
import { retryAttempts } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
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
  readonly before?: () => PromiseLike<Result<void, ChangeSetError>>;
  /** The SDK call, given the caller's abort signal as the SDK takes it; the same request on every attempt. */
  readonly send: (abort: { readonly abortSignal: AbortSignal } | undefined) => Promise<Output>;
}

/**
 * Every Marketplace call goes through here: the SDK call (its own retries off: one attempt per retry) with
 * the caller's abort signal, the error mapped into the core union (its context built only on a failure),
 * under the provider's retry policy with the call's overrides.
 */
export async function callMarketplace<Output>(
  session: Pick<MarketplaceSession, 'options' | 'redactor'>,
  call: MarketplaceCall<Output>,
  options: CallOptions,
): Promise<Result<Output, ChangeSetError>> {
  const abort = options.signal ? { abortSignal: options.signal } : undefined;
  const { before, send } = call;
  const attempt = async (): Promise<Result<Output, ChangeSetError>> => {
    if (before) {
      const fenced = await before();
      if (fenced.isErr()) return err(fenced.error);
    }
    try {
      return ok(await send(abort));
    } catch (error) {
      const context = call.errorContext ?? { operation: call.operation };
      return err(mapMarketplaceError(error, { ...context, redactor: session.redactor }));
    }
  };
  const retry = session.options.retry;
  return retryAttempts(attempt, {
    provider: marketplaceProviderId,
    operation: call.operation,
    policy: options.retry ? { ...retry, ...options.retry } : retry,
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
