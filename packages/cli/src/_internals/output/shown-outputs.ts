import type { JsonValue } from '@changeplane/core';
import { defaultSecretRedactor } from '@changeplane/core/adapter';

/** An output's value as shown: a string as it is, anything else as its JSON text; secret-looking text masked. */
export function outputText(value: JsonValue): string {
  return defaultSecretRedactor.redact(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * Outputs as `--json` carries them: whole, with secret-looking values masked as on screen (a value whose
 * masked JSON text no longer parses is given as that text).
 */
export function shownOutputs(outputs: Readonly<Record<string, JsonValue>>): Record<string, JsonValue> {
  return Object.fromEntries(
    Object.entries(outputs).map(([key, value]) => {
      if (typeof value === 'string') return [key, defaultSecretRedactor.redact(value)];
      const text = outputText(value);
      try {
        return [key, JSON.parse(text) as JsonValue];
      } catch {
        return [key, text];
      }
    }),
  );
}
