import type { EmulatorControl } from '../shared/emulator-control.js';
import type { FaultRule } from '../shared/fault-injector.js';
import type { ChangeSetInspection } from './running-marketplace-emulator.js';

/** `POST /_emulator/failures` (or `control.failNext`): how the next change set on an entity fails. */
export interface MarketplaceFailureRule {
  /**
   * `SaaSProduct@1.0/prod-x` or `prod-x` (any revision). Its changes carry the error in their ErrorDetailList.
   * Omitted: the next APPLY change set, whatever it names, fails with FailureDescription (not tied to a change).
   */
  readonly entity?: string;
  /** The ErrorCode of the change's ErrorDetailList. */
  readonly code: string;
  readonly message: string;
  /** `preparing` (default): FAILED instead of APPLYING; `applying`: FAILED at the end of APPLYING, nothing applied. */
  readonly phase?: 'preparing' | 'applying';
  /** Default CLIENT_ERROR when preparing, SERVER_FAULT when applying. */
  readonly failureCode?: 'CLIENT_ERROR' | 'SERVER_FAULT';
  /** How many change sets it fails; default 1. */
  readonly times?: number;
}

/** An entity as `GET /_emulator/state` shows it. */
export interface EntityInspection {
  readonly type: string;
  /** `EntityId@RevisionId`. */
  readonly identifier: string;
  readonly owner: string;
  readonly arn: string;
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly hasPolicy: boolean;
}

/** `GET /_emulator/state` (or `control.state()`). */
export interface MarketplaceEmulatorState {
  readonly entities: readonly EntityInspection[];
  readonly changeSets: readonly ChangeSetInspection[];
  readonly failures: readonly MarketplaceFailureRule[];
  readonly faults: readonly FaultRule[];
}

/** The Marketplace emulator's `control`: failure rules for change sets on entities, faults, reset, state. */
export type MarketplaceEmulatorControl = EmulatorControl<MarketplaceFailureRule, MarketplaceEmulatorState>;
