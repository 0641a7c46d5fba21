import { createServer, type HostServer } from '../create-server.js';
import type { TokenIdentity } from '../host/host-store.js';
import { MemoryHostStore } from './memory-host-store.spec-support.js';
import { scriptedPlanRunner } from './scripted-plan-runner.spec-support.js';
import type { ServerLimits } from './server-limits.js';

const identities = {
  alpha: { tenant: 'alpha', scopes: ['alibaba-ros:web-*', 'aws-marketplace:SaaSProduct@1.0/prod-*'] },
  alphaApprover: { tenant: 'alpha', scopes: ['*'], approver: true },
  alphaGated: { tenant: 'alpha', scopes: ['*'], requiresApproval: true },
  beta: { tenant: 'beta', scopes: ['*'] },
  none: { tenant: 'beta', scopes: [] },
  admin: { tenant: 'ops', scopes: ['*'], admin: true },
} satisfies Record<string, Partial<TokenIdentity>>;

export type TokenName = keyof typeof identities;

export interface CallOptions {
  readonly token?: TokenName | string;
  readonly body?: string | object;
  readonly type?: string;
  readonly headers?: Record<string, string>;
}

/** A bot host on 127.0.0.1 port 0 with a token per role, and a `call` that speaks to it over real HTTP. */
export async function startHost(limits: Partial<ServerLimits> = {}) {
  const store = new MemoryHostStore();
  const runner = scriptedPlanRunner();
  const tokens = {} as Record<TokenName, string>;
  for (const [name, partial] of Object.entries(identities)) {
    const identity = { name, approver: false, admin: false, requiresApproval: false, ...partial };
    tokens[name as TokenName] = (await store.createToken(identity))._unsafeUnwrap().token;
  }
  const server: HostServer = createServer({ store, runner, port: 0, limits })._unsafeUnwrap();
  const url = await server.listen();
  const call = async (method: string, path: string, options: CallOptions = {}) => {
    const token = options.token ? (tokens[options.token as TokenName] ?? options.token) : undefined;
    const body = typeof options.body === 'object' ? JSON.stringify(options.body) : options.body;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = options.type ?? 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, json, text };
  };
  return { url, store, runner, tokens, server, call, close: () => server.close() };
}

export type Host = Awaited<ReturnType<typeof startHost>>;

export const plan = (...targets: string[]) => ({
  targets: targets.map((item) => {
    const [provider, ...rest] = item.split(':');
    return { provider, target: rest.join(':') };
  }),
});
