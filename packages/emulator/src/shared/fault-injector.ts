/** What an injected fault does to one request. */
export type FaultKind =
  /** Answer with the provider's throttling error. */
  | 'throttle'
  /** Answer with a 5xx error (status 500 unless `status` says otherwise). */
  | 'server-error'
  /** Delay the answer by `delayMs`, then answer normally. */
  | 'slow'
  /** Destroy the connection without answering (the request may or may not have taken effect: see `after`). */
  | 'drop';

/** When to inject which fault: by operation, count or probability. */
export interface FaultRule {
  kind: FaultKind;
  /** The provider's operation name (`CreateChangeSet`, `StartChangeSet`, ...); omitted or '*' for every operation. */
  operation?: string;
  /** Fire on this many matching requests, then retire. Omitted: no count limit. */
  count?: number;
  /** Fire with this probability (0-1) on each matching request. Omitted: always. */
  probability?: number;
  /** For `slow`: the delay. For `drop` with `after: true`: how long to wait before dropping. */
  delayMs?: number;
  /** For `server-error`: 500 (InternalError) or 503 (ServiceUnavailable). */
  status?: 500 | 503;
  /**
   * For `drop` and `server-error`: apply the request first, then fail the answer. This is the case that
   * makes idempotency tokens necessary: the change was made but the caller never heard so.
   */
  after?: boolean;
}

/** A fault the injector chose for a request. */
export interface Fault {
  kind: FaultKind;
  delayMs: number;
  status: 500 | 503;
  after: boolean;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

/**
 * Decides, request by request, whether an injected fault applies. Rules are checked in the order they
 * were added; the first that matches and fires wins. Randomness comes from a seeded generator so a
 * probabilistic storm is the same on every run.
 */
export class FaultInjector {
  readonly #rules: ActiveRule[] = [];
  #seed: number;

  constructor(rules: readonly FaultRule[] = [], seed = 0x5eed) {
    this.#seed = seed >>> 0 || 1;
    for (const rule of rules) this.add(rule);
  }

  /** Adds a rule. */
  add(rule: FaultRule): void {
    if (rule.probability !== undefined && (rule.probability < 0 || rule.probability > 1)) {
      throw new RangeError(`fault probability must be within 0..1, got ${rule.probability}`);
    }
    this.#rules.push({ rule, remaining: rule.count ?? Number.POSITIVE_INFINITY });
  }

  /** The rules that can still fire, each with the uses it has left as its `count`. */
  rules(): FaultRule[] {
    return this.#rules
      .filter((active) => active.remaining > 0)
      .map((active) => ({
        ...active.rule,
        ...(Number.isFinite(active.remaining) ? { count: active.remaining } : {}),
      }));
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** The fault to apply to one request of `operation`, if any. Consumes one use of the rule that fires. */
  next(operation: string): Fault | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.operation !== undefined && rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.probability !== undefined && this.#random() >= rule.probability) continue;
      active.remaining -= 1;
      return {
        kind: rule.kind,
        delayMs: rule.delayMs ?? 0,
        status: rule.status ?? 500,
        after: rule.after ?? false,
      };
    }
    return undefined;
  }

  /** mulberry32: small, fast, good enough to spread faults. */
  #random(): number {
    this.#seed = (this.#seed + 0x6d2b79f5) >>> 0;
    let t = this.#seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
