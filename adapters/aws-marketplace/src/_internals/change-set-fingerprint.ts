import { type ChangeSetHandle, planContentHash } from '@changeplane/core';
import { decodeStartChangeSetPayload } from './start-change-set-payload.js';

/**
 * What a Marketplace handle would do: its catalog and, per change, the change type, the entity, the details
 * and the entity tags. The change set's name, tags and tokens are left out: they differ on every run of the
 * same plan. Undefined for a payload that does not read as a StartChangeSet input.
 */
export function changeSetFingerprint(handle: ChangeSetHandle): string | undefined {
  if (handle.payload === undefined) return undefined;
  const decoded = decodeStartChangeSetPayload(handle.payload, 'fingerprint');
  if (decoded.isErr()) return undefined;
  const { Catalog, ChangeSet } = decoded.value;
  return planContentHash({
    catalog: Catalog,
    changes: (ChangeSet ?? []).map((change) => ({
      changeType: change.ChangeType,
      entity: change.Entity,
      details: change.Details,
      detailsDocument: change.DetailsDocument,
      entityTags: change.EntityTags,
      changeName: change.ChangeName,
    })),
  });
}
