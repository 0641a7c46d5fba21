import { err, ok, type Result } from 'neverthrow';
import type { PlanTarget } from '../plan-runner.js';
import { globMatches } from './glob-match.js';

/** A token's permission on targets: every target, or a provider's targets whose name matches a glob. */
export type Scope =
  | { readonly kind: 'everything' }
  | { readonly kind: 'targets'; readonly provider: string; readonly glob: string };

export interface ScopeError {
  readonly kind: 'invalid-scope';
  readonly scope: string;
  readonly message: string;
}

const providerId = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Reads a scope: `*` alone is everything; otherwise `<provider id>:<target glob>`, split at the first `:`,
 * where the glob's `*` matches any characters including `/` (docs/server.md, "Scopes").
 */
export function parseScope(text: string): Result<Scope, ScopeError> {
  if (text === '*') return ok({ kind: 'everything' });
  const colon = text.indexOf(':');
  const invalid = (message: string) => err<Scope, ScopeError>({ kind: 'invalid-scope', scope: text, message });
  if (colon === -1) return invalid(`scope "${text}" is not "*" nor "<provider id>:<target glob>"`);
  const provider = text.slice(0, colon);
  const glob = text.slice(colon + 1);
  if (!providerId.test(provider)) return invalid(`scope "${text}" names no provider id (lowercase, digits, dashes)`);
  if (glob.length === 0) return invalid(`scope "${text}" has an empty target glob (use "${provider}:*")`);
  return ok({ kind: 'targets', provider, glob });
}

/** Whether one scope allows a target; a scope that does not parse allows nothing. */
export function scopeAllows(scope: string, target: PlanTarget): boolean {
  const parsed = parseScope(scope);
  if (parsed.isErr()) return false;
  if (parsed.value.kind === 'everything') return true;
  return parsed.value.provider === target.provider && globMatches(parsed.value.glob, target.target);
}

/** The targets no scope allows (no scopes: every target), each once, in the plan's order. */
export function targetsOutsideScopes(scopes: readonly string[], targets: readonly PlanTarget[]): PlanTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.provider}:${target.target}`;
    if (seen.has(key) || scopes.some((scope) => scopeAllows(scope, target))) return false;
    seen.add(key);
    return true;
  });
}
