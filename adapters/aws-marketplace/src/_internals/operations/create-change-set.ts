import type { ChangeSetError, ChangeSetHandle, CreateOptions } from '@changeplane/core';
import { generateClientToken } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { CheckedMarketplaceRequest } from '../../marketplace-change-set-request.js';
import { refuseLockedEntities } from '../entity-locks.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { startChangeSetPayloadOf } from '../start-change-set-payload.js';
import { lockedEntitiesOf, type StartChangeSetPayload } from '../to-start-change-set-input.js';
import { validateOnServer } from './validate-on-server.js';

/** What `create` makes of a checked request: the handle, and the StartChangeSet input it carries. */
export interface PreparedChangeSet {
  readonly handle: ChangeSetHandle;
  readonly input: StartChangeSetPayload;
}

/**
 * The handle of a checked request (no call: Marketplace has no change set before StartChangeSet). It
 * carries the StartChangeSet input as its payload, the entities it will lock and the token `start` sends.
 */
function prepareChangeSet(
  session: Pick<MarketplaceSession, 'region' | 'account'>,
  request: CheckedMarketplaceRequest,
  options: CreateOptions,
): PreparedChangeSet {
  const startToken = options.startToken ?? request.clientToken ?? generateClientToken();
  const input = startChangeSetPayloadOf(request);
  const handle: ChangeSetHandle = {
    provider: marketplaceProviderId,
    region: session.region,
    account: session.account,
    scope: { catalog: input.Catalog },
    outcome: 'ready',
    entities: lockedEntitiesOf(input),
    changes: request.changes.map((change) => ({
      action: change.changeType,
      target: `${change.entity.type}/${change.entity.identifier ?? change.changeName ?? '(new)'}`,
      // What the change sets, as sent: shown in previews (`plan`, `apply` before it asks).
      ...(change.details === undefined
        ? {}
        : { detail: typeof change.details === 'string' ? change.details : JSON.stringify(change.details) }),
    })),
    startToken,
    payload: input,
    createdAt: new Date().toISOString(),
  };
  return { handle, input };
}

/**
 * A checked request -> its handle, once no other start token holds a lock on its entities (no lock taken;
 * not checked when the caller will wait for the locks at start), then the server-side dry run when asked
 * for. One async function: the hot path the overhead benchmark times.
 */
export async function createChangeSet(
  session: MarketplaceSession,
  request: CheckedMarketplaceRequest,
  options: CreateOptions,
): Promise<Result<ChangeSetHandle, ChangeSetError>> {
  const { handle, input } = prepareChangeSet(session, request, options);
  // A caller that will wait for the locks at start is not refused for a lock held now.
  if (!options.lockWait) {
    const free = await refuseLockedEntities(session, handle.entities, handle.startToken);
    if (free.isErr()) return err(free.error);
  }
  return options.validateOnServer ? await validateOnServer(session, handle, input, options) : ok(handle);
}
