import type { CheckedPlan, HostStore, TokenIdentity } from '@changeplane/server';
import { valueOrThrow } from './value-or-throw.js';

/** An identity for specs: tenant `tenant`, every scope, no roles unless given. */
export function identity(tenant: string, overrides: Partial<TokenIdentity> = {}): TokenIdentity {
  return {
    name: `${tenant}-bot`,
    tenant,
    scopes: ['*'],
    approver: false,
    admin: false,
    requiresApproval: false,
    ...overrides,
  };
}

/** A checked plan that locks `locks`; its document names them and `label`, its digest follows the document. */
export function plan(locks: readonly string[], label = 'plan'): CheckedPlan {
  const document = { label, locks };
  return {
    document,
    digest: `digest:${label}:${locks.join(',')}`,
    targets: locks.map((lock) => ({ provider: lock.split(':')[0] ?? '', target: lock })),
    locks,
    changeSets: locks.length,
    changes: locks.length,
  };
}

/** Submits a run and gives back its id. */
export async function submitted(
  store: HostStore,
  tenant: string,
  locks: readonly string[],
  label = 'plan',
): Promise<string> {
  const result = await store.submit({ identity: identity(tenant), plan: plan(locks, label) });
  return valueOrThrow(result, 'submitting').run.id;
}

/** Polls `check` every 20 ms until it returns true; fails after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not true within ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
