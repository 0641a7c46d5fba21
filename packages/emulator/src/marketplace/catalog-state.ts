import { createHash, randomBytes } from 'node:crypto';
import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import type { SeededEntity } from './marketplace-emulator-options.js';
import { MarketplaceException } from './marketplace-exception.js';
import { startChangeSetViolations, type WireChange, type WireStartChangeSet } from './start-change-set-rules.js';

export type ChangeSetStatus = 'PREPARING' | 'APPLYING' | 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

interface StoredChange {
  ChangeType: string;
  Entity: { Type: string; Identifier: string };
  Details?: string;
  DetailsDocument?: unknown;
  ChangeName?: string;
  ErrorDetailList?: { ErrorCode: string; ErrorMessage: string }[];
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
  readonly changes: StoredChange[];
  /** Entities this change set locks while it runs (existing identifiers, not the ones it creates). */
  readonly lockedEntities: string[];
  readonly clientRequestToken?: string;
}

interface StoredEntity {
  type: string;
  identifier: string;
  name: string;
  details: unknown;
  lastModified: string;
  arn: string;
}

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const randomId = (length: number) =>
  randomBytes(length)
    .toString('base64')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .padEnd(length, '0')
    .slice(0, length);
const open = (status: ChangeSetStatus) => status === 'PREPARING' || status === 'APPLYING';

/** The hook tests use to make a change set fail: `"EmulatorOutcome": "FAIL"` (client error) or `"SERVER_FAULT"`. */
function emulatorOutcome(change: StoredChange): 'FAIL' | 'SERVER_FAULT' | undefined {
  const text = change.Details ?? JSON.stringify(change.DetailsDocument ?? null);
  if (/"EmulatorOutcome"\s*:\s*"SERVER_FAULT"/.test(text)) return 'SERVER_FAULT';
  if (/"EmulatorOutcome"\s*:\s*"FAIL"/.test(text)) return 'FAIL';
  return undefined;
}

/**
 * The catalog of one emulator: change sets, entities, entity locks and idempotency tokens, per account.
 * `start` checks and locks in one synchronous step, so concurrent requests can never lock one entity twice.
 */
export class CatalogState {
  readonly changeSets = new Map<string, StoredChangeSet>();
  readonly #entities = new Map<string, StoredEntity>();
  readonly #locks = new Map<string, string>();
  readonly #tokens = new Map<string, { fingerprint: string; changeSetId: string }>();
  readonly #transitions = new ScheduledTransitions();

  constructor(
    readonly region: string,
    readonly timing: { preparingMs: number; applyingMs: number },
    readonly openChangeSetsPerAccount: number,
    seeded: readonly SeededEntity[],
    defaultAccount: string,
  ) {
    for (const entity of seeded)
      this.#putEntity(defaultAccount, entity.type, entity.identifier, entity.details ?? {}, entity.name);
  }

  start(account: string, input: WireStartChangeSet): StoredChangeSet {
    const violations = startChangeSetViolations(input);
    if (violations.length > 0) throw MarketplaceException.validation(violations);
    if (input.Catalog !== 'AWSMarketplace') {
      throw new MarketplaceException(
        'ResourceNotFoundException',
        404,
        `Catalog ${String(input.Catalog)} was not found.`,
      );
    }
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([input.ChangeSet, input.ChangeSetName, input.Intent ?? 'APPLY']))
      .digest('hex');
    const token = typeof input.ClientRequestToken === 'string' ? input.ClientRequestToken : undefined;
    if (token) {
      const seen = this.#tokens.get(`${account}|${token}`);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw MarketplaceException.validation([
            {
              Field: 'ClientRequestToken',
              Reason: 'IDEMPOTENCY',
              Message: 'ClientRequestToken was already used with a different request',
            },
          ]);
        }
        return this.changeSets.get(seen.changeSetId)!;
      }
    }
    const intent = input.Intent === 'VALIDATE' ? 'VALIDATE' : 'APPLY';
    const wire = input.ChangeSet as WireChange[];
    // New entities get identifiers now, so `$Name.Entity.Identifier` references resolve.
    const generated = new Map<string, string>();
    const identifiers = wire.map((change) => {
      const given = change.Entity?.Identifier;
      if (typeof given === 'string' && !given.startsWith('$')) return given;
      const type = String(change.Entity?.Type ?? 'Entity');
      const prefix = type.toLowerCase().startsWith('offer') ? 'offer' : 'prod';
      const identifier = `${prefix}-${randomId(13)}`;
      if (typeof change.ChangeName === 'string') generated.set(change.ChangeName, identifier);
      return identifier;
    });
    const resolve = (text: string) =>
      text.replace(/\$([A-Za-z0-9_-]+)\.Entity\.Identifier/g, (whole, name: string) => generated.get(name) ?? whole);
    const changes: StoredChange[] = wire.map((change, index) => {
      const given = change.Entity?.Identifier;
      const identifier = typeof given === 'string' && given.startsWith('$') ? resolve(given) : identifiers[index]!;
      return {
        ChangeType: String(change.ChangeType),
        Entity: { Type: String(change.Entity?.Type), Identifier: identifier },
        ...(typeof change.Details === 'string' ? { Details: resolve(change.Details) } : {}),
        ...(change.DetailsDocument !== undefined
          ? { DetailsDocument: JSON.parse(resolve(JSON.stringify(change.DetailsDocument))) }
          : {}),
        ...(typeof change.ChangeName === 'string' ? { ChangeName: change.ChangeName } : {}),
      };
    });
    const created = new Set(generated.values());
    const lockedEntities =
      intent === 'APPLY'
        ? [
            ...new Set(
              changes.map((change) => change.Entity.Identifier).filter((identifier) => !created.has(identifier)),
            ),
          ]
        : [];

    if (intent === 'APPLY') {
      const openCount = [...this.changeSets.values()].filter(
        (changeSet) => changeSet.account === account && changeSet.intent === 'APPLY' && open(changeSet.status),
      ).length;
      if (openCount >= this.openChangeSetsPerAccount) {
        throw new MarketplaceException(
          'ServiceQuotaExceededException',
          402,
          `The maximum number of open change sets (${this.openChangeSetsPerAccount}) for this account has been exceeded.`,
        );
      }
      for (const entity of lockedEntities) {
        const holder = this.#locks.get(`${account}|${entity}`);
        if (holder) {
          throw new MarketplaceException(
            'ResourceInUseException',
            423,
            `The entity ${entity} is locked by change set ${holder}, which is still running.`,
          );
        }
      }
    }

    const id = randomId(25);
    const changeSet: StoredChangeSet = {
      id,
      arn: `arn:aws:aws-marketplace:${this.region}:${account}:AWSMarketplace/ChangeSet/${id}`,
      account,
      ...(typeof input.ChangeSetName === 'string' ? { name: input.ChangeSetName } : {}),
      intent,
      status: 'PREPARING',
      startTime: isoNow(),
      changes,
      lockedEntities,
      ...(token ? { clientRequestToken: token } : {}),
    };
    this.changeSets.set(id, changeSet);
    for (const entity of lockedEntities) this.#locks.set(`${account}|${entity}`, id);
    if (token) this.#tokens.set(`${account}|${token}`, { fingerprint, changeSetId: id });
    this.#transitions.after(this.timing.preparingMs, () => this.#afterPreparing(changeSet));
    return changeSet;
  }

  describe(account: string, id: string): StoredChangeSet {
    const changeSet = this.changeSets.get(id);
    if (!changeSet || changeSet.account !== account) {
      throw new MarketplaceException('ResourceNotFoundException', 404, `Change set ${id} was not found.`);
    }
    return changeSet;
  }

  cancel(account: string, id: string): StoredChangeSet {
    const changeSet = this.describe(account, id);
    if (changeSet.status === 'APPLYING') {
      throw new MarketplaceException(
        'ResourceInUseException',
        423,
        `Change set ${id} is APPLYING and can no longer be cancelled.`,
      );
    }
    if (changeSet.status !== 'PREPARING') {
      throw MarketplaceException.validation([
        { Field: 'ChangeSetId', Reason: 'STATE', Message: `Change set ${id} is already ${changeSet.status}.` },
      ]);
    }
    this.#settle(changeSet, 'CANCELLED');
    return changeSet;
  }

  entity(account: string, identifier: string): StoredEntity {
    const entity = this.#entities.get(`${account}|${identifier}`);
    if (!entity)
      throw new MarketplaceException('ResourceNotFoundException', 404, `Entity ${identifier} was not found.`);
    return entity;
  }

  entities(account: string): StoredEntity[] {
    return [...this.#entities.entries()].filter(([key]) => key.startsWith(`${account}|`)).map(([, entity]) => entity);
  }

  close(): void {
    this.#transitions.cancelAll();
  }

  #afterPreparing(changeSet: StoredChangeSet): void {
    if (changeSet.status !== 'PREPARING') return;
    const outcomes = changeSet.changes.map(emulatorOutcome);
    const failing = outcomes.findIndex((outcome) => outcome !== undefined);
    if (failing >= 0) {
      const serverFault = outcomes[failing] === 'SERVER_FAULT';
      changeSet.changes[failing]!.ErrorDetailList = [
        {
          ErrorCode: serverFault ? 'INTERNAL_FAILURE' : 'INVALID_INPUT',
          ErrorMessage: serverFault
            ? 'The change could not be applied because of a service fault.'
            : 'The change was rejected.',
        },
      ];
      changeSet.failureCode = serverFault ? 'SERVER_FAULT' : 'CLIENT_ERROR';
      changeSet.failureDescription = `Change ${failing} (${changeSet.changes[failing]!.ChangeType}) failed; see its ErrorDetailList.`;
      this.#settle(changeSet, 'FAILED');
      return;
    }
    if (changeSet.intent === 'VALIDATE') {
      this.#settle(changeSet, 'SUCCEEDED');
      return;
    }
    changeSet.status = 'APPLYING';
    this.#transitions.after(this.timing.applyingMs, () => {
      for (const change of changeSet.changes) {
        const details = change.DetailsDocument ?? (change.Details ? JSON.parse(change.Details) : {});
        this.#putEntity(changeSet.account, change.Entity.Type, change.Entity.Identifier, details);
      }
      this.#settle(changeSet, 'SUCCEEDED');
    });
  }

  #settle(changeSet: StoredChangeSet, status: ChangeSetStatus): void {
    changeSet.status = status;
    changeSet.endTime = isoNow();
    for (const entity of changeSet.lockedEntities) {
      if (this.#locks.get(`${changeSet.account}|${entity}`) === changeSet.id)
        this.#locks.delete(`${changeSet.account}|${entity}`);
    }
  }

  #putEntity(account: string, type: string, identifier: string, details: unknown, name?: string): void {
    const key = `${account}|${identifier}`;
    const existing = this.#entities.get(key);
    const merged =
      existing && typeof existing.details === 'object' && typeof details === 'object'
        ? { ...(existing.details as object), ...(details as object) }
        : details;
    const title = (merged as { ProductTitle?: unknown; Name?: unknown } | null)?.ProductTitle;
    this.#entities.set(key, {
      type,
      identifier,
      name: name ?? (typeof title === 'string' ? title : (existing?.name ?? identifier)),
      details: merged,
      lastModified: isoNow(),
      arn: `arn:aws:aws-marketplace:${this.region}:${account}:AWSMarketplace/${type.split('@')[0]}/${identifier}`,
    });
  }
}
