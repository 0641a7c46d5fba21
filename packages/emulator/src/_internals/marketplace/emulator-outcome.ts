import type { StoredChange } from './catalog-records.js';

/**
 * The emulator's hook to make a change set fail, which the real service does when a change is wrong in a
 * way only the catalog can tell. A change whose Details or DetailsDocument holds
 * `"EmulatorOutcome": "FAIL"` fails the set with FailureCode CLIENT_ERROR at the end of PREPARING;
 * `"EmulatorOutcome": "SERVER_FAULT"` fails it with SERVER_FAULT at the end of APPLYING, nothing applied.
 */
export function emulatorOutcomeOf(change: StoredChange): 'FAIL' | 'SERVER_FAULT' | undefined {
  const text = change.Details ?? JSON.stringify(change.DetailsDocument ?? null);
  if (/"EmulatorOutcome"\s*:\s*"SERVER_FAULT"/.test(text)) return 'SERVER_FAULT';
  if (/"EmulatorOutcome"\s*:\s*"FAIL"/.test(text)) return 'FAIL';
  return undefined;
}
