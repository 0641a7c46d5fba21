import type { ChangeSetStatus } from '../_internals/marketplace/catalog-records.js';
import type { RunningServiceEmulator } from '../shared/running-service-emulator.js';
import type { MarketplaceEmulatorControl } from './marketplace-emulator-control.js';

/** What tests see of one change set. */
export interface ChangeSetInspection {
  readonly changeSetId: string;
  readonly status: ChangeSetStatus;
  readonly intent: 'APPLY' | 'VALIDATE';
  /** The entities its changes target (resolved identifiers, in change order, without repeats). */
  readonly entityIds: readonly string[];
  /** The existing entities it locks while PREPARING or APPLYING (none for VALIDATE). */
  readonly lockedEntityIds: readonly string[];
  readonly clientRequestToken?: string;
  readonly startTime: string;
  readonly endTime?: string;
  /**
   * Logical clock ticks (one per lock taken or released, emulator-wide) bounding when it held its locks:
   * two change sets that lock one entity must have disjoint `[lockedFrom, lockedUntil]` ranges.
   */
  readonly lockedFrom: number;
  readonly lockedUntil?: number;
}

/** A started Marketplace emulator: its endpoint, inspection hooks and close. */
export interface RunningMarketplaceEmulator extends RunningServiceEmulator {
  /** What the SDK's `endpoint` option takes: `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** `us-east-1`; the signature may be scoped to any region. */
  readonly region: string;
  /** The first accepted key pair (emulator-only test credentials). */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Scripted failures, faults, reset and state: the same as the control API under `/_emulator/`. */
  readonly control: MarketplaceEmulatorControl;
  /** Every change set of every account, in start order (the same as `control.state().changeSets`). */
  changeSets(): readonly ChangeSetInspection[];
}
