import { createHash } from 'node:crypto';
import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import { CatalogEntities, type EntitySeed, mergeTags } from './catalog-entities.js';
import type {
  ChangeSetStatus,
  ErrorDetail,
  FailureCode,
  ScriptedFailure,
  StoredChangeSet,
  StoredEntity,
  Tag,
} from './catalog-records.js';
import { changeProblems, detailsOf, type UnknownEntities } from './change-problems.js';
import { entityIdOf } from './entity-identifier.js';
import { MarketplaceException } from './marketplace-exception.js';
import { randomIdentifier } from './random-identifier.js';
import { resolveIdentifiers } from './resolve-identifiers.js';
import { ScriptedFailures } from './scripted-failures.js';
import { validateStartChangeSet, type WireStartChangeSet } from './start-change-set-rules.js';

/** The service's timestamps: ISO 8601 in UTC, whole seconds. */
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const isOpen = (status: ChangeSetStatus) => status === 'PREPARING' || status === 'APPLYING';
const resourceArn = /^arn:aws:aws-marketplace:[\w-]*:(\d+):AWSMarketplace\/([\w-]+)\/([\w@-]+)$/;

export interface CatalogSettings {
  readonly region: string;
  readonly preparingMs: number;
  readonly applyingMs: number;
  readonly openChangeSetsPerAccount: number;
  readonly unknownEntities: UnknownEntities;
}

/**
 * The catalog of one emulator: change sets, entities, entity locks and idempotency tokens, all per account.
 * `start` validates, checks and locks in one synchronous step (no await anywhere in it), so concurrent
 * requests can never both lock one entity: Node runs one request's step to the end before the next.
 * The business rules (change-problems.ts) and scripted failures end a change set FAILED at the end of
 * PREPARING (or APPLYING), as the service does, read through DescribeChangeSet.
 */
export class CatalogState {
  readonly entities: CatalogEntities;
  readonly failures = new ScriptedFailures();
  readonly #changeSets = new Map<string, StoredChangeSet>();
  /** account|EntityId -> id of the change set holding the lock (one lock per entity, whatever revision). */
  readonly #locks = new Map<string, string>();
  /** account|token -> what it started, to answer a replay with the same change set. */
  readonly #tokens = new Map<string, { fingerprint: string; changeSetId: string }>();
  readonly #transitions = new ScheduledTransitions();
  /** Open (PREPARING or APPLYING) APPLY change sets per account: the quota check counts these, not every change set. */
  readonly #openApplies = new Map<string, number>();
  #clock = 0;

  constructor(
    readonly settings: CatalogSettings,
    readonly seed: readonly EntitySeed[],
  ) {
    this.entities = new CatalogEntities(settings.region, isoNow);
    this.reset();
  }

  /** Back to the seed: no change sets, locks, tokens or scripted failures. */
  reset(): void {
    this.#transitions.cancelAll();
    for (const map of [this.#changeSets, this.#locks, this.#tokens, this.#openApplies]) map.clear();
    this.failures.clear();
    this.entities.clear();
    for (const entity of this.seed) this.entities.seed(entity);
  }

  /** StartChangeSet. Throws the service's exception for anything it would refuse. */
  start(account: string, body: WireStartChangeSet): StoredChangeSet {
    const request = validateStartChangeSet(body);
    // A replay (same token) must be answered before quota and lock checks: its own change set holds them.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([body.Catalog, body.ChangeSet, body.ChangeSetName, body.ChangeSetTags, request.intent]))
      .digest('hex');
    const token = request.clientRequestToken;
    const replayed = token === undefined ? undefined : this.#replayOf(account, token, fingerprint);
    if (replayed) return replayed;

    const changes = resolveIdentifiers(request.changes);
    const apply = request.intent === 'APPLY';
    const lockedEntities = apply
      ? [
          ...new Set(
            changes
              .filter((change) => !change.creates && change.Entity.Identifier !== '')
              .map((change) => entityIdOf(change.Entity.Identifier)),
          ),
        ]
      : [];
    // VALIDATE is a dry run: it neither counts against the quota nor takes (or waits for) locks.
    if (apply) this.#checkQuotaAndLocks(account, lockedEntities);

    const id = randomIdentifier(25);
    const scripted = apply ? this.failures.take(changes) : undefined;
    const changeSet: StoredChangeSet = {
      id,
      arn: `arn:aws:aws-marketplace:${this.settings.region}:${account}:AWSMarketplace/ChangeSet/${id}`,
      account,
      // The service sets a name when none is given; its pages do not say which (docs/provider-notes.md).
      name: request.name ?? (changes[0]?.ChangeType as string),
      intent: request.intent,
      status: 'PREPARING',
      startTime: isoNow(),
      changes,
      tags: [...(request.tags ?? [])],
      lockedEntities,
      ...(token !== undefined ? { clientRequestToken: token } : {}),
      ...(scripted !== undefined ? { scripted } : {}),
      lockedFrom: ++this.#clock,
    };
    this.#changeSets.set(id, changeSet);
    if (apply) this.#openApplies.set(account, (this.#openApplies.get(account) ?? 0) + 1);
    for (const entity of lockedEntities) this.#locks.set(`${account}|${entity}`, id);
    if (token !== undefined) this.#tokens.set(`${account}|${token}`, { fingerprint, changeSetId: id });
    this.#transitions.after(this.settings.preparingMs, () => this.#afterPreparing(changeSet));
    return changeSet;
  }

  /** DescribeChangeSet: only the caller's own account's change sets exist for it. */
  changeSet(account: string, id: string): StoredChangeSet {
    const changeSet = this.#changeSets.get(id);
    if (!changeSet || changeSet.account !== account) {
      throw MarketplaceException.notFound(`Change set ${id} was not found.`);
    }
    return changeSet;
  }

  changeSetsOf(account: string): StoredChangeSet[] {
    return [...this.#changeSets.values()].filter((changeSet) => changeSet.account === account);
  }

  allChangeSets(): readonly StoredChangeSet[] {
    return [...this.#changeSets.values()];
  }

  /** CancelChangeSet: possible only while PREPARING ("before the status changes to APPLYING"). */
  cancel(account: string, id: string): StoredChangeSet {
    const changeSet = this.changeSet(account, id);
    if (changeSet.status === 'APPLYING') {
      throw MarketplaceException.inUse(
        `Change set ${id} is APPLYING and can no longer be cancelled; a change set can only be cancelled while PREPARING.`,
      );
    }
    if (changeSet.status !== 'PREPARING') {
      throw MarketplaceException.validation([
        {
          Field: 'ChangeSetId',
          Reason: 'Other',
          Message: `Change set ${id} is already ${changeSet.status} and cannot be cancelled`,
        },
      ]);
    }
    this.#settle(changeSet, 'CANCELLED');
    return changeSet;
  }

  /** DescribeEntity: the caller's entity, whatever revision the identifier names. */
  entity(account: string, identifier: string): StoredEntity {
    const entity = this.entities.get(account, identifier);
    if (!entity) throw MarketplaceException.notFound(`Entity ${identifier} was not found.`);
    return entity;
  }

  /** The change set or entity an ARN names, if the caller owns it (TagResource, resource policies). */
  resource(account: string, arn: string): StoredChangeSet | StoredEntity {
    const [, owner, kind, id] = resourceArn.exec(arn) ?? [];
    if (owner === undefined || id === undefined) {
      throw MarketplaceException.validation([
        { Field: 'ResourceArn', Reason: 'FieldValidationFailed', Message: `${arn} is not an AWS Marketplace ARN` },
      ]);
    }
    const resource = kind === 'ChangeSet' ? this.#changeSets.get(id) : this.entities.get(owner, id);
    if (!resource || owner !== account || resource.arn !== arn) {
      throw MarketplaceException.notFound(`Resource ${arn} was not found.`);
    }
    return resource;
  }

  tag(account: string, arn: string, tags: readonly Tag[]): void {
    const resource = this.resource(account, arn);
    resource.tags = mergeTags(resource.tags, tags);
  }

  untag(account: string, arn: string, keys: readonly string[]): void {
    const resource = this.resource(account, arn);
    resource.tags = resource.tags.filter((tag) => !keys.includes(tag.Key));
  }

  close(): void {
    this.#transitions.cancelAll();
  }

  #replayOf(account: string, token: string, fingerprint: string): StoredChangeSet | undefined {
    const seen = this.#tokens.get(`${account}|${token}`);
    if (seen && seen.fingerprint !== fingerprint) {
      throw MarketplaceException.validation([
        {
          Field: 'ClientRequestToken',
          Reason: 'Other',
          Message: `ClientRequestToken ${token} was already used with a different request (change set ${seen.changeSetId})`,
        },
      ]);
    }
    return seen && this.#changeSets.get(seen.changeSetId);
  }

  #checkQuotaAndLocks(account: string, lockedEntities: readonly string[]): void {
    if ((this.#openApplies.get(account) ?? 0) >= this.settings.openChangeSetsPerAccount) {
      throw new MarketplaceException(
        'ServiceQuotaExceededException',
        402,
        `The maximum number of open change sets per account (${this.settings.openChangeSetsPerAccount}) has been reached; wait for one to finish.`,
      );
    }
    for (const entity of lockedEntities) {
      const holder = this.#locks.get(`${account}|${entity}`);
      if (holder !== undefined) {
        throw MarketplaceException.inUse(
          `The entity ${entity} is locked by change set ${holder}, which is still ${this.#changeSets.get(holder)?.status ?? 'running'}; retry once it has completed.`,
        );
      }
    }
  }

  #afterPreparing(changeSet: StoredChangeSet): void {
    if (changeSet.status !== 'PREPARING') return;
    const { changes, account, scripted } = changeSet;
    const problems = changeProblems(changes, this.entities, account, this.settings.unknownEntities);
    if (problems.some((list) => list.length > 0)) {
      this.#fail(changeSet, 'CLIENT_ERROR', problems);
    } else if (scripted?.phase === 'preparing') {
      this.#failScripted(changeSet, scripted);
    } else if (changeSet.intent === 'VALIDATE') {
      this.#settle(changeSet, 'SUCCEEDED');
    } else {
      changeSet.status = 'APPLYING';
      this.#transitions.after(this.settings.applyingMs, () => {
        if (scripted?.phase === 'applying') {
          this.#failScripted(changeSet, scripted);
        } else {
          this.#apply(changeSet);
          this.#settle(changeSet, 'SUCCEEDED');
        }
      });
    }
  }

  /** All or nothing: creates first (a change may name a created entity before its create), then the rest. */
  #apply({ account, changes }: StoredChangeSet): void {
    const created = new Set<string>();
    for (const change of changes.filter((candidate) => candidate.creates)) {
      const { Type, Identifier } = change.Entity;
      this.entities.create(account, Type, Identifier, detailsOf(change), change.entityTags);
      created.add(entityIdOf(Identifier));
    }
    const changed = new Set<StoredEntity>();
    for (const change of changes.filter((candidate) => !candidate.creates)) {
      const { Type, Identifier } = change.Entity;
      const entity = this.entities.get(account, Identifier);
      if (!entity) {
        // Only when unknown entities are made on the fly (`unknownEntities: 'create'`).
        this.entities.create(account, Type, Identifier, detailsOf(change), change.entityTags);
        created.add(entityIdOf(Identifier));
        continue;
      }
      this.entities.update(entity, detailsOf(change), change.entityTags);
      if (!created.has(entity.id)) changed.add(entity);
    }
    // One revision per change set that changed the entity, however many of its changes did.
    for (const entity of changed) entity.revision += 1;
  }

  #failScripted(changeSet: StoredChangeSet, scripted: ScriptedFailure): void {
    const { code, message, entityId, failureCode } = scripted;
    if (entityId === undefined) {
      this.#fail(changeSet, failureCode, [], `${code}: ${message}`);
      return;
    }
    const problems = changeSet.changes.map((change) =>
      entityIdOf(change.Entity.Identifier) === entityId ? [{ ErrorCode: code, ErrorMessage: message }] : [],
    );
    this.#fail(changeSet, failureCode, problems);
  }

  /** FAILED: each change's errors in its ErrorDetailList; FailureDescription only for a failure tied to no change. */
  #fail(changeSet: StoredChangeSet, code: FailureCode, problems: ErrorDetail[][], description?: string): void {
    changeSet.changes.forEach((change, index) => {
      const errors = problems[index] ?? [];
      if (errors.length > 0) change.ErrorDetailList = errors;
    });
    changeSet.failureCode = code;
    if (description !== undefined) changeSet.failureDescription = description;
    this.#settle(changeSet, 'FAILED');
  }

  #settle(changeSet: StoredChangeSet, status: ChangeSetStatus): void {
    if (changeSet.intent === 'APPLY' && isOpen(changeSet.status)) {
      this.#openApplies.set(changeSet.account, (this.#openApplies.get(changeSet.account) ?? 1) - 1);
    }
    changeSet.status = status;
    changeSet.endTime = isoNow();
    changeSet.lockedUntil = ++this.#clock;
    for (const entity of changeSet.lockedEntities) {
      const key = `${changeSet.account}|${entity}`;
      if (this.#locks.get(key) === changeSet.id) this.#locks.delete(key);
    }
  }
}
