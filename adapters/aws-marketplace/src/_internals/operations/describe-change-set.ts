import { DescribeChangeSetCommand, type DescribeChangeSetCommandOutput } from '@aws-sdk/client-marketplace-catalog';
import type { CallOptions, ChangeSetError, ChangeSetRef, ChangeSetState } from '@changeplane/core';
import type { Result } from 'neverthrow';
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
): Promise<Result<DescribeChangeSetCommandOutput, ChangeSetError>> {
  const catalog = ref.scope.catalog ?? defaultCatalog;
  return callMarketplace(
    session,
    {
      operation,
      send: async (abort) => {
        await session.describePacer.turn(options.signal);
        return session.client.send(
          new DescribeChangeSetCommand({ Catalog: catalog, ChangeSetId: ref.changeSetId }),
          abort,
        );
      },
    },
    options,
  );
}

/** DescribeChangeSet, as the neutral state. */
export async function describeChangeSet(
  session: DescribeParts,
  ref: ChangeSetRef,
  options: CallOptions,
): Promise<Result<ChangeSetState, ChangeSetError>> {
  const described = await describeChangeSetOutput(session, ref, options, 'describe');
  return described.map((output) => marketplaceChangeSetState(ref, output, session.redactor));
}
