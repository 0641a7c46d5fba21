import type { CallOptions } from './call-options.js';
import type { WaitOptions } from './wait-options.js';

export interface CreateOptions extends CallOptions {
  /** The idempotency token of the create call; generated when omitted. Reused on every retry. */
  readonly clientToken?: string;
  /** The token `start` will send; generated when omitted. */
  readonly startToken?: string;
  /** Ask the provider to check the request too, where it can do so without changing anything (Marketplace `Intent: VALIDATE`). */
  readonly validateOnServer?: boolean;
  /** How long to wait for the provider to finish preparing the change set (ROS). */
  readonly wait?: WaitOptions;
  /**
   * The wait for locked entities that `start` will be given. A provider that checks entity locks at create
   * (Marketplace) then does not refuse an entity locked now: the caller waits for it at start instead.
   */
  readonly lockWait?: { readonly maxWaitMs: number };
}
