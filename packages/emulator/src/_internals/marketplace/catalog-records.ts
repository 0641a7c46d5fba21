/** What the emulator keeps about change sets and entities (wire member names where they go on the wire). */

export type ChangeSetStatus = 'PREPARING' | 'APPLYING' | 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

export interface ErrorDetail {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** A change with its identifiers resolved (generated for creates, `$ChangeName.Entity.Identifier` substituted). */
export interface StoredChange {
  readonly ChangeType: string;
  readonly Entity: { readonly Type: string; readonly Identifier: string };
  readonly Details?: string;
  readonly DetailsDocument?: unknown;
  readonly ChangeName?: string;
  ErrorDetailList?: ErrorDetail[];
}

export interface StoredChangeSet {
  readonly id: string;
  readonly arn: string;
  readonly account: string;
  readonly name?: string;
  readonly intent: 'APPLY' | 'VALIDATE';
  status: ChangeSetStatus;
  failureCode?: 'CLIENT_ERROR' | 'SERVER_FAULT';
  failureDescription?: string;
  readonly startTime: string;
  endTime?: string;
  readonly changes: readonly StoredChange[];
  /** Existing entities it locks while PREPARING or APPLYING (not the ones it creates: nobody can name them yet). */
  readonly lockedEntities: readonly string[];
  readonly clientRequestToken?: string;
  /** Logical clock ticks (one per lock or release, emulator-wide) bounding the time it held its locks. */
  readonly lockedFrom: number;
  lockedUntil?: number;
}

export interface StoredEntity {
  readonly type: string;
  readonly identifier: string;
  readonly arn: string;
  readonly name: string;
  readonly details: unknown;
  readonly lastModified: string;
}
