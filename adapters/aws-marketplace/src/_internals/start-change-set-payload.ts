import type { JsonValue, ValidationError } from '@changeplane/core';
import { createValidationError } from '@changeplane/core/adapter';
import { err, ok, type Result } from 'neverthrow';
import type { CheckedMarketplaceRequest } from '../marketplace-change-set-request.js';
import { parseStartChangeSetInput } from './from-start-change-set-input.js';
import { marketplaceProviderId } from './marketplace-provider-id.js';
import { type StartChangeSetPayload, toStartChangeSetInput } from './to-start-change-set-input.js';

/**
 * Payloads this process built from a checked request, each mapped to itself. They are frozen, so one found
 * here is still exactly what was checked: `start` in the same process need not read it again.
 */
const checkedPayloads = new WeakMap<object, StartChangeSetPayload>();

const freezeDeep = (value: unknown): void => {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) freezeDeep(item);
  else for (const key in value) freezeDeep((value as Record<string, unknown>)[key]);
};

/** The payload a handle carries for a checked request: the StartChangeSet input, frozen. */
export function startChangeSetPayloadOf(request: CheckedMarketplaceRequest): StartChangeSetPayload {
  const payload = toStartChangeSetInput(request);
  freezeDeep(payload);
  checkedPayloads.set(payload, payload);
  return payload;
}

/**
 * A handle's payload back into the typed StartChangeSet input. A handle crosses processes as JSON (the run
 * journal, a bot's state), so one edited or corrupted on disk is read again with every rule of
 * `parseStartChangeSetInput` and refused as `validation` naming `handle.payload`; never throws.
 */
export function decodeStartChangeSetPayload(
  payload: JsonValue,
  operation: string,
): Result<StartChangeSetPayload, ValidationError> {
  const checked = payload !== null && typeof payload === 'object' ? checkedPayloads.get(payload) : undefined;
  if (checked) return ok(checked);
  const parsed = parseStartChangeSetInput(payload);
  if (parsed.isErr()) {
    return err(
      createValidationError(
        marketplaceProviderId,
        operation,
        parsed.error.issues.map((issue) => ({
          path: 'handle.payload',
          rule: issue.rule,
          message: `the handle's StartChangeSet input is not one this provider makes (${issue.path}: ${issue.message})`,
        })),
      ),
    );
  }
  return ok(toStartChangeSetInput(parsed.value));
}
