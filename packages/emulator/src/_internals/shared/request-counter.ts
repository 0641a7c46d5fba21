/** Requests by operation: what an emulator's `requestCount` answers. */
export class RequestCounter {
  readonly #counts = new Map<string, number>();

  add(operation: string): void {
    this.#counts.set(operation, (this.#counts.get(operation) ?? 0) + 1);
  }

  /** Requests of `operation`, or of every operation when omitted. */
  count(operation?: string): number {
    if (operation !== undefined) return this.#counts.get(operation) ?? 0;
    let total = 0;
    for (const count of this.#counts.values()) total += count;
    return total;
  }
}
