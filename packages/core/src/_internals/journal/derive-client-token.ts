import { createHash } from 'node:crypto';
import type { JournalOperation } from '../../journal/journal-operation.js';

/**
 * The client token of one operation of one task of one run: the same every time it is asked for, so a
 * resumed run re-sends the token it sent before and the provider's idempotency answers with the change set
 * it already made. `cp-` and 32 base64url characters (35 in all) satisfy ROS (<= 64 `[A-Za-z0-9_-]`) and
 * both Marketplace rules (the seed's 1-36 `[\w-]`, the model's 1-64 printable ASCII).
 */
export function deriveClientToken(runId: string, taskKey: string, operation: JournalOperation | string): string {
  const digest = createHash('sha256').update(`${runId}\u0000${taskKey}\u0000${operation}`).digest('base64url');
  return `cp-${digest.slice(0, 32)}`;
}
