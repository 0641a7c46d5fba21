import { createHash } from 'node:crypto';
import type { SeededEntity } from '../../marketplace/marketplace-emulator-options.js';
import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import type { ChangeSetStatus, StoredChange, StoredChangeSet, StoredEntity } from './catalog-records.js';
import { changeReference } from './change-references.js';
import { emulatorOutcomeOf } from './emulator-outcome.js';
import { MarketplaceException } from './marketplace-exception.js';
import { randomIdentifier } from './random-identifier.js';
import { type ValidChange, validateStartChangeSet, type WireStartChangeSet } from './start-change-set-rules.js';

/** The service's timestamps: ISO 8601 in UTC, whole seconds. */
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const isOpen = (status: ChangeSetStatus) => status === 'PREPARING' || status === 'APPLYING';

export interface CatalogSettings {
  readonly region: string;
  readonly preparingMs: number;
  readonly applyingMs: number;
  readonly openChangeSetsPerAccount: number;
}

/**
 * The catalog of one emulator: change sets, entities, entity locks and idempotency tokens, all per account.
 * `start` validates, checks and locks in one synchronous step (no await anywhere in it), so concurrent
 * requests can never both lock one entity: Node runs one request's step to the end before the next.
 */
export class CatalogState {
  readonly #changeSets = new Map<string, StoredChangeSet>();
  readonly #entities = new Map<string, StoredEntity>();
  /** account|entity -> id of the change set holding the lock. */
  readonly #locks = new Map<string, string>();
  /** account|token -> what it started, to answer a replay with the same change set. */
  readonly #tokens = new Map<string, { fingerprint: string; changeSetId: string }>();
  readonly #transitions = new ScheduledTransitions();
  /** Open (PREPARING or APPLYING) APPLY change sets per account: the quota check counts these, not every change set. */
  readonly #openApplies = new Map<string, number>();
  #clock = 0;

  constructor(
    readonly settings: CatalogSettings,
    seeded: readonly SeededEntity[],
    seededAccount: string,
  ) {
    for (const entity of seeded) {
      this.#putEntity(seededAccount, entity.type, entity.identifier, entity.details ?? {}, entity.name);
    }
  }

  /** StartChangeSet. Throws the service's exception for anything it would refuse. */
  start(account: string, body: WireStartChangeSet): StoredChangeSet {
    const request = validateStartChangeSet(body);
    // A replay (same token) must be answered before quota and lock checks: its own change set holds them.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([body.Catalog, body.ChangeSet, body.ChangeSetName, body.ChangeSetTags, request.intent]))
      .digest('hex');
    const token = request.clientRequestToken;
    if (token !== undefined) {
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
      const replayed = seen && this.#changeSets.get(seen.changeSetId);
      if (replayed) return replayed;
    }

    const { changes, created } = resolveIdentifiers(request.changes);
    const lockedEntities =
      request.intent === 'APPLY'
        ? [...new Set(changes.map((change) => change.Entity.Identifier).filter((id) => !created.has(id)))]
        : [];
    // VALIDATE is a dry run: it neither counts against the quota nor takes (or waits for) locks.
    if (request.intent === 'APPLY') {
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

    const id = randomIdentifier(25);
    const changeSet: StoredChangeSet = {
      id,
      arn: `arn:aws:aws-marketplace:${this.settings.region}:${account}:AWSMarketplace/ChangeSet/${id}`,
      account,
      ...(request.name !== undefined ? { name: request.name } : {}),
      intent: request.intent,
      status: 'PREPARING',
      startTime: isoNow(),
      changes,
      lockedEntities,
      ...(token !== undefined ? { clientRequestToken: token } : {}),
      lockedFrom: ++this.#clock,
    };
    this.#changeSets.set(id, changeSet);
    if (changeSet.intent === 'APPLY') this.#openApplies.set(account, (this.#openApplies.get(account) ?? 0) + 1);
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

  entity(account: string, identifier: string): StoredEntity {
    const entity = this.#entities.get(`${account}|${identifier}`);
    if (!entity) throw MarketplaceException.notFound(`Entity ${identifier} was not found.`);
    return entity;
  }

  entitiesOf(account: string): StoredEntity[] {
    const prefix = `${account}|`;
    return [...this.#entities.entries()].filter(([key]) => key.startsWith(prefix)).map(([, entity]) => entity);
  }

  close(): void {
    this.#transitions.cancelAll();
  }

  #afterPreparing(changeSet: StoredChangeSet): void {
    if (changeSet.status !== 'PREPARING') return;
    const outcomes = changeSet.changes.map(emulatorOutcomeOf);
    if (this.#failOn(changeSet, outcomes, changeSet.intent === 'VALIDATE' ? undefined : 'FAIL')) return;
    if (changeSet.intent === 'VALIDATE') {
      this.#settle(changeSet, 'SUCCEEDED');
      return;
    }
    changeSet.status = 'APPLYING';
    this.#transitions.after(this.settings.applyingMs, () => {
      if (this.#failOn(changeSet, outcomes, 'SERVER_FAULT')) return;
      // All or nothing: entities change only once every change is known to succeed.
      for (const change of changeSet.changes) {
        const details = change.DetailsDocument ?? (change.Details !== undefined ? JSON.parse(change.Details) : {});
        this.#putEntity(changeSet.account, change.Entity.Type, change.Entity.Identifier, details);
      }
      this.#settle(changeSet, 'SUCCEEDED');
    });
  }

  /** Fails the change set on its first change whose outcome is `only` (any outcome when undefined). */
  #failOn(
    changeSet: StoredChangeSet,
    outcomes: ReadonlyArray<'FAIL' | 'SERVER_FAULT' | undefined>,
    only: 'FAIL' | 'SERVER_FAULT' | undefined,
  ): boolean {
    const index = outcomes.findIndex((outcome) => outcome !== undefined && (only === undefined || outcome === only));
    if (index < 0) return false;
    const change = changeSet.changes[index] as StoredChange;
    const serverFault = outcomes[index] === 'SERVER_FAULT';
    change.ErrorDetailList = [
      serverFault
        ? { ErrorCode: 'INTERNAL_FAILURE', ErrorMessage: 'The change could not be applied because of a service fault.' }
        : { ErrorCode: 'INVALID_INPUT', ErrorMessage: `The ${change.ChangeType} change was rejected by the catalog.` },
    ];
    changeSet.failureCode = serverFault ? 'SERVER_FAULT' : 'CLIENT_ERROR';
    changeSet.failureDescription = `ChangeSet[${index}] (${change.ChangeType} on ${change.Entity.Identifier}) failed; see its ErrorDetailList.`;
    this.#settle(changeSet, 'FAILED');
    return true;
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

  /** Creates or updates an entity; later Details keys overwrite earlier ones. */
  #putEntity(account: string, type: string, identifier: string, details: unknown, name?: string): void {
    const key = `${account}|${identifier}`;
    const existing = this.#entities.get(key);
    const isRecord = (value: unknown): value is Record<string, unknown> =>
      value !== null && typeof value === 'object' && !Array.isArray(value);
    const merged = isRecord(existing?.details) && isRecord(details) ? { ...existing.details, ...details } : details;
    const title = isRecord(merged) ? (merged.ProductTitle ?? merged.Name) : undefined;
    this.#entities.set(key, {
      type,
      identifier,
      arn: `arn:aws:aws-marketplace:${this.settings.region}:${account}:AWSMarketplace/${type.split('@')[0]}/${identifier}`,
      name: name ?? (typeof title === 'string' ? title : (existing?.name ?? identifier)),
      details: merged,
      lastModified: isoNow(),
    });
  }
}

/**
 * Gives every create (a change without an Entity.Identifier) a fresh identifier such as
 * `prod-xxxxxxxxxxxxx`, then substitutes `$ChangeName.Entity.Identifier` in identifiers and Details.
 * The rules have already refused unknown names and cycles.
 */
function resolveIdentifiers(changes: readonly ValidChange[]): { changes: StoredChange[]; created: Set<string> } {
  const created = new Set<string>();
  const identifiers: (string | undefined)[] = changes.map((change) => {
    const given = change.Entity.Identifier;
    if (given !== undefined) return changeReference.nameIn(given) === undefined ? given : undefined;
    const prefix = change.Entity.Type.toLowerCase().startsWith('offer') ? 'offer' : 'prod';
    const identifier = `${prefix}-${randomIdentifier(13)}`;
    created.add(identifier);
    return identifier;
  });
  const indexByName = new Map<string, number>();
  changes.forEach((change, index) => {
    if (change.ChangeName !== undefined && !indexByName.has(change.ChangeName))
      indexByName.set(change.ChangeName, index);
  });
  const identifierOf = (name: string): string | undefined => {
    const index = indexByName.get(name);
    return index === undefined ? undefined : identifiers[index];
  };
  // Each pass resolves at least one link of every chain; chains are at most as long as the set.
  for (let pass = 0; pass < changes.length && identifiers.includes(undefined); pass += 1) {
    changes.forEach((change, index) => {
      const target = changeReference.nameIn(change.Entity.Identifier);
      if (identifiers[index] === undefined && target !== undefined) identifiers[index] = identifierOf(target);
    });
  }
  const substitute = (text: string) => changeReference.substitute(text, identifierOf);
  return {
    created,
    changes: changes.map((change, index) => ({
      ChangeType: change.ChangeType,
      Entity: { Type: change.Entity.Type, Identifier: identifiers[index] as string },
      ...(change.Details !== undefined ? { Details: substitute(change.Details) } : {}),
      ...(change.DetailsDocument !== undefined
        ? { DetailsDocument: JSON.parse(substitute(JSON.stringify(change.DetailsDocument))) as unknown }
        : {}),
      ...(change.ChangeName !== undefined ? { ChangeName: change.ChangeName } : {}),
    })),
  };
}
