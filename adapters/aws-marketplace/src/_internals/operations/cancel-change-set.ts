import { CancelChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import {
  type CallOptions,
  type ChangeSetError,
  type ChangeSetRef,
  type ChangeSetState,
  isSettledStatus,
} from '@changeplane/core';
import { createChangeSetError } from '@changeplane/core/adapter';
import { errAsync, type ResultAsync } from 'neverthrow';
import { defaultCatalog } from '../default-catalog.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { callMarketplace } from './call-marketplace.js';
import { describeChangeSet } from './describe-change-set.js';

/**
 * CancelChangeSet (possible only while PREPARING: later it is `conflict`), then the change set's state;
 * its locks are released once it has settled.
 */
export function cancelChangeSet(
  session: MarketplaceSession,
  ref: ChangeSetRef,
  options: CallOptions,
): ResultAsync<ChangeSetState, ChangeSetError> {
  const catalog = ref.scope.catalog ?? defaultCatalog;
  return callMarketplace(
    session,
    {
      operation: 'cancel',
      send: (abort) =>
        session.client.send(new CancelChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId }), abort),
    },
    options,
  )
    .orElse((error) =>
      errAsync<never, ChangeSetError>(
        error.code === 'ResourceInUseException'
          ? createChangeSetError(
              'conflict',
              {
                provider: marketplaceProviderId,
                operation: 'cancel',
                code: error.code,
                httpStatus: error.httpStatus,
                requestId: error.requestId,
                cause: error.cause,
                message: `change set ${ref.changeSetId} can no longer be cancelled: it is past PREPARING (${error.message})`,
              },
              session.redactor,
            )
          : error,
      ),
    )
    .andThen(() => describeChangeSet(session, ref, options))
    .map((state) => {
      if (isSettledStatus(state.status)) void session.held.release(ref.changeSetId);
      return state;
    });
}
