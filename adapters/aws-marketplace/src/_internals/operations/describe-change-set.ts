import { DescribeChangeSetCommand, type DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import type { CallOptions, ChangeSetError, ChangeSetRef, ChangeSetState } from '@changeplane/core';
import type { ResultAsync } from 'neverthrow';
import { defaultCatalog } from '../default-catalog.js';
import { marketplaceChangeSetState } from '../marketplace-change-set-state.js';
import type { MarketplaceSession } from '../marketplace-session.js';
import { callMarketplace } from './call-marketplace.js';

type DescribeParts = Pick<MarketplaceSession, 'client' | 'options' | 'describePacer' | 'redactor'>;

/** DescribeChangeSet as the SDK answers it, each attempt in its turn of the provider's describe rate. */
export function describeChangeSetOutput(
  session: DescribeParts,
  ref: ChangeSetRef,
  options: CallOptions,
  operation: string,
): ResultAsync<DescribeChangeSetCommandOutput, ChangeSetError> {
  const catalog = ref.scope.catalog ?? defaultCatalog;
  return callMarketplace(
    session,
    {
      operation,
      send: (abort) =>
        session.describePacer
          .turn(options.signal)
          .then(() =>
            session.client.send(
              new DescribeChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId }),
              abort,
            ),
          ),
    },
    options,
  );
}

/** DescribeChangeSet, as the neutral state. */
export function describeChangeSet(
  session: DescribeParts,
  ref: ChangeSetRef,
  options: CallOptions,
): ResultAsync<ChangeSetState, ChangeSetError> {
  return describeChangeSetOutput(session, ref, options, 'describe').map((output) =>
    marketplaceChangeSetState(ref, output),
  );
}
