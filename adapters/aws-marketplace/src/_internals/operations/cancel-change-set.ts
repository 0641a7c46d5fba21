import { CancelChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import {
  type CallOptions,
  type ChangeSetError,
  type ChangeSetRef,
  type ChangeSetState,
  isSettledStatus,
} from '@changeplane/core';
import { createChangeSetError } from '@changeplane/core/adapter';
import { err, type Result } from 'neverthrow';
import { defaultCatalog } from '../default-catalog.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { callMarketplace } from './call-marketplace.js';
import { describeChangeSet } from './describe-change-set.js';

/**
 * CancelChangeSet (possible only while PREPARING: later it is `conflict`), then the change set's state;
 * its locks are released once it has settled.
 */
export async function cancelChangeSet(
  session: MarketplaceSession,
  ref: ChangeSetRef,
  options: CallOptions,
): Promise<Result<ChangeSetState, ChangeSetError>> {
  const catalog = ref.scope.catalog ?? defaultCatalog;
  const cancelled = await callMarketplace(
    session,
    {
      operation: 'cancel',
      send: (abort) =>
        session.client.send(new CancelChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId }), abort),
    },
    options,
  );
  if (cancelled.isErr()) return err(tooLateToCancel(session, ref, cancelled.error));
  const described = await describeChangeSet(session, ref, options);
  if (described.isOk() && isSettledStatus(described.value.status)) void session.held.release(ref.changeSetId);
  return described;
}

/** ResourceInUseException on cancel means the change set is past PREPARING: a `conflict` that says so. */
function tooLateToCancel(session: MarketplaceSession, ref: ChangeSetRef, error: ChangeSetError): ChangeSetError {
  if (error.code !== 'ResourceInUseException') return error;
  return createChangeSetError(
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
  );
}
