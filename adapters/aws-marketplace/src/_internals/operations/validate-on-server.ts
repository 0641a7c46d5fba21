import { StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetError, ChangeSetHandle, CreateOptions } from '@changeplane/core';
import { createValidationError, generateClientToken } from '@changeplane/core/adapter';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import type { StartChangeSetPayload } from '../to-start-change-set-input.js';
import { callMarketplace } from './call-marketplace.js';
import { waitUntilChangeSetSettled } from './wait-until-settled.js';

/**
 * The server-side dry run: StartChangeSet with `Intent: VALIDATE` (a token of its own), waited until it
 * settles; the handle when it succeeded, else `validation` with the service's reason.
 */
export function validateOnServer(
  session: MarketplaceSession,
  handle: ChangeSetHandle,
  input: StartChangeSetPayload,
  options: CreateOptions,
): ResultAsync<ChangeSetHandle, ChangeSetError> {
  const token = generateClientToken();
  return callMarketplace(
    session,
    {
      operation: 'validate',
      send: (abort) =>
        session.client.send(
          new StartChangeSetCommand({ ...input, ClientRequestToken: token, Intent: 'VALIDATE' }),
          abort,
        ),
    },
    options,
  )
    .andThen((output) =>
      waitUntilChangeSetSettled(
        session,
        {
          provider: marketplaceProviderId,
          changeSetId: output.ChangeSetId ?? '',
          region: session.region,
          scope: handle.scope,
        },
        { minDelayMs: 100, maxDelayMs: 2_000, ...options.wait },
      ),
    )
    .andThen((state) =>
      state.status === 'succeeded'
        ? okAsync(handle)
        : errAsync(
            createValidationError(
              marketplaceProviderId,
              'validate',
              [
                {
                  path: 'changes',
                  rule: 'service',
                  message: state.reason ?? `server-side validation ended ${state.rawStatus}`,
                },
              ],
              session.redactor,
            ),
          ),
    );
}
