/** What the emulator keeps about change sets and entities (wire member names where they go on the wire). */

export type ChangeSetStatus = 'PREPARING' | 'APPLYING' | 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

export type FailureCode = 'CLIENT_ERROR' | 'SERVER_FAULT';

export interface ErrorDetail {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

export interface Tag {
  readonly Key: string;
  readonly Value: string;
}

/** A change with its identifiers resolved (generated for creates, `$ChangeName.Entity.Identifier` substituted). */
export interface StoredChange {
  readonly ChangeType: string;
  readonly Entity: { readonly Type: string; readonly Identifier: string };
  readonly Details?: string;
  readonly DetailsDocument?: unknown;
  readonly ChangeName?: string;
  /** The EntityTags of the request: given to the entity when the change set applies. */
  readonly entityTags?: readonly Tag[];
  /** True for a change that makes a new entity (a Create* change type without an identifier). */
  readonly creates: boolean;
  ErrorDetailList?: ErrorDetail[];
}

/** A failure the control API scripted for one change set, bound to it when it started. */
export interface ScriptedFailure {
  readonly phase: 'preparing' | 'applying';
  readonly failureCode: FailureCode;
  readonly code: string;
  readonly message: string;
  /** The entity whose changes carry the error; undefined: a failure not tied to a change. */
  readonly entityId?: string;
}

export interface StoredChangeSet {
  readonly id: string;
  readonly arn: string;
  readonly account: string;
  /** The caller's ChangeSetName, or the default the service sets when none is given. */
  readonly name: string;
  readonly intent: 'APPLY' | 'VALIDATE';
  status: ChangeSetStatus;
  failureCode?: FailureCode;
  failureDescription?: string;
  readonly startTime: string;
  endTime?: string;
  readonly changes: readonly StoredChange[];
  /** ChangeSetTags, then whatever TagResource and UntagResource made of them. */
  tags: Tag[];
  /** Entities it locks while PREPARING or APPLYING (by EntityId, whatever revision the change names). */
  readonly lockedEntities: readonly string[];
  readonly clientRequestToken?: string;
  readonly scripted?: ScriptedFailure;
  /** Logical clock ticks (one per lock or release, emulator-wide) bounding the time it held its locks. */
  readonly lockedFrom: number;
  lockedUntil?: number;
}

export interface StoredEntity {
  readonly type: string;
  /** The EntityId, without revision. */
  readonly id: string;
  /** Bumped by every change set that changes the entity; `EntityId@RevisionId` names it. */
  revision: number;
  /** The account that owns it: only that account sees it. */
  readonly owner: string;
  readonly arn: string;
  name: string;
  details: unknown;
  lastModified: string;
  tags: Tag[];
  policy?: string;
}

/** `prod-abc@3`: the identifier DescribeEntity answers with. */
export const revisionedIdentifier = (entity: StoredEntity): string => `${entity.id}@${entity.revision}`;
