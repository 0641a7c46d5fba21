import type { CallOptions } from './call-options.js';

export interface StartOptions extends CallOptions {
  /**
   * When an entity is locked by another change set: fail at once (the default, kind `locked`), or wait up
   * to `maxWaitMs` for it to be released.
   */
  readonly lockWait?: { readonly maxWaitMs: number };
}
