import { StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetError, ChangeSetHandle, StartedChangeSet, StartOptions } from '@changeplane/core';
import { releaseEntityLocks, withClientToken } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import { checkLeasesCurrent, takeEntityLocks } from '../entity-locks.js';
import { marketplaceProviderId } from '../marketplace-provider-id.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { lockedEntitiesOf, type StartChangeSetPayload } from '../to-start-change-set-input.js';
import { callMarketplace } from './call-marketplace.js';

/**
 * Takes the entity locks (all or none), then StartChangeSet `Intent: APPLY` with the handle's token on every
 * attempt, each attempt after the fencing check; the locks are then held until the change set settles, or
 * released at once if it could not be started. One async function, not a chain of Result steps: this is
 * the hot path the overhead benchmark times.
 */
export async function startChangeSet(
  session: MarketplaceSession,
  handle: ChangeSetHandle,
  input: StartChangeSetPayload,
  options: StartOptions,
): Promise<Result<StartedChangeSet, ChangeSetError>> {
  const entities = lockedEntitiesOf(input);
  const token = handle.startToken;

  const locked = await takeEntityLocks(session, entities, token, options);
  if (locked.isErr()) return err(locked.error);
  const leases = locked.value;

  const sent = await callMarketplace(
    session,
    {
      operation: 'start',
      errorContext: { operation: 'StartChangeSet', entities },
      before: () => checkLeasesCurrent(session, leases, entities),
      send: (abort) =>
        session.client.send(new StartChangeSetCommand({ ...input, ClientRequestToken: token, Intent: 'APPLY' }), abort),
    },
    options,
  );
  if (sent.isErr()) {
    void releaseEntityLocks(session.locks, leases);
    return err(withClientToken(sent.error, token));
  }

  const started: StartedChangeSet = {
    provider: marketplaceProviderId,
    changeSetId: sent.value.ChangeSetId ?? '',
    region: session.region,
    account: session.account,
    scope: { catalog: input.Catalog, changeSetArn: sent.value.ChangeSetArn ?? '' },
    startedAt: new Date().toISOString(),
    startToken: token,
    entities,
  };
  session.held.hold(started, leases);
  return ok(started);
}
