/** A held lock on one entity: who holds it, until when, and its fencing token. */
export interface EntityLease {
  readonly key: string;
  readonly holder: string;
  /**
   * Strictly increasing across every grant of the store: a holder passes it along with its writes so a
   * stale holder (whose lease expired while it paused) can be told apart from the current one.
   */
  readonly fencingToken: number;
  /** Epoch milliseconds after which the lease no longer protects anything. */
  readonly expiresAt: number;
}
