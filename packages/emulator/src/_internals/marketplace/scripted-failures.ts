import type { MarketplaceFailureRule } from '../../marketplace/marketplace-emulator-control.js';
import type { ScriptedFailure, StoredChange } from './catalog-records.js';
import { baseEntityType, entityIdOf } from './entity-identifier.js';

interface PendingFailure {
  readonly rule: MarketplaceFailureRule;
  remaining: number;
}

/**
 * Failures scripted through the control API (`failNext`): each fails the next APPLY change set that names
 * its entity (any, when none is given), `times` times, in the order they were added.
 */
export class ScriptedFailures {
  readonly #pending: PendingFailure[] = [];

  add(rule: MarketplaceFailureRule): void {
    this.#pending.push({ rule, remaining: rule.times ?? 1 });
  }

  /** The failure the first matching rule scripts for a change set starting with `changes`; one use of it is spent. */
  take(changes: readonly StoredChange[]): ScriptedFailure | undefined {
    for (const pending of this.#pending) {
      const target = pending.rule.entity === undefined ? undefined : targetOf(pending.rule.entity);
      const hit = target === undefined || changes.some((change) => matches(change, target));
      if (pending.remaining <= 0 || !hit) continue;
      pending.remaining -= 1;
      const phase = pending.rule.phase ?? 'preparing';
      return {
        phase,
        failureCode: pending.rule.failureCode ?? (phase === 'preparing' ? 'CLIENT_ERROR' : 'SERVER_FAULT'),
        code: pending.rule.code,
        message: pending.rule.message,
        ...(target !== undefined ? { entityId: target.id } : {}),
      };
    }
    return undefined;
  }

  /** What is still pending, for GET /_emulator/state. */
  pending(): MarketplaceFailureRule[] {
    return this.#pending
      .filter((pending) => pending.remaining > 0)
      .map((pending) => ({ ...pending.rule, times: pending.remaining }));
  }

  clear(): void {
    this.#pending.length = 0;
  }
}

/** `SaaSProduct@1.0/prod-x`, `prod-x` or `prod-x@2`: the entity (and type) a rule names. */
function targetOf(entity: string): { readonly type?: string; readonly id: string } {
  const slash = entity.lastIndexOf('/');
  if (slash < 0) return { id: entityIdOf(entity) };
  return { type: baseEntityType(entity.slice(0, slash)), id: entityIdOf(entity.slice(slash + 1)) };
}

function matches(change: StoredChange, target: { readonly type?: string; readonly id: string }): boolean {
  if (entityIdOf(change.Entity.Identifier) !== target.id) return false;
  return target.type === undefined || baseEntityType(change.Entity.Type) === target.type;
}
