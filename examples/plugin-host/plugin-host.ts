// A plugin host for deployment bots: it loads change-set adapters as plugins (inversify ContainerModules
// named in its configuration), and serves them over a small JSON HTTP API.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ChangeSetError,
  type ChangeSetRef,
  ChangeSetRegistry,
  createChangeSetContainer,
  serializeChangeSetError,
} from '@changeplane/core';
import type { ContainerModule } from 'inversify';

/** One plugin: the package to import, the ContainerModule factory it exports, and that factory's options. */
export interface PluginSpec {
  readonly module: string;
  readonly factory: string;
  readonly options: unknown;
}

export interface RunningPluginHost {
  readonly url: string;
  readonly providers: readonly string[];
  close(): Promise<void>;
}

const statusForKind: Record<ChangeSetError['kind'], number> = {
  validation: 400,
  locked: 423,
  conflict: 409,
  'not-found': 404,
  throttled: 429,
  'quota-exceeded': 402,
  'access-denied': 403,
  authentication: 401,
  'provider-fault': 502,
  network: 502,
  timeout: 504,
  aborted: 499,
};

async function loadPlugin(spec: PluginSpec): Promise<ContainerModule> {
  const loaded = (await import(spec.module)) as Record<string, unknown>;
  const factory = loaded[spec.factory];
  if (typeof factory !== 'function') throw new Error(`${spec.module} exports no function ${spec.factory}`);
  return factory(spec.options) as ContainerModule;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * Starts the host. Bots call:
 * - `GET /providers` -> the loaded provider ids;
 * - `POST /change-sets` `{ provider, request }` -> creates and starts a change set, answers its ref;
 * - `POST /change-sets/describe` `{ ref }` -> the change set's state.
 * Errors answer with the serialized `ChangeSetError` (never a secret) and an HTTP status by kind.
 */
export async function startPluginHost(plugins: readonly PluginSpec[], port = 0): Promise<RunningPluginHost> {
  const modules = await Promise.all(plugins.map(loadPlugin));
  const registry = createChangeSetContainer(...modules).get(ChangeSetRegistry);

  const fail = (response: ServerResponse, error: ChangeSetError) =>
    send(response, statusForKind[error.kind], { error: serializeChangeSetError(error) });

  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'GET' && request.url === '/providers')
        return send(response, 200, { providers: registry.ids() });
      if (request.method !== 'POST') return send(response, 404, { error: 'not found' });
      const body = await readJson(request);
      if (request.url === '/change-sets') {
        const provider = registry.get(String(body.provider));
        if (provider.isErr()) return fail(response, provider.error);
        const started = await provider.value.create(body.request).andThen((handle) => provider.value.start(handle));
        return started.isOk() ? send(response, 202, { ref: started.value }) : fail(response, started.error);
      }
      if (request.url === '/change-sets/describe') {
        const ref = body.ref as ChangeSetRef;
        const provider = registry.get(ref.provider);
        if (provider.isErr()) return fail(response, provider.error);
        const state = await provider.value.describe(ref);
        return state.isOk() ? send(response, 200, { state: state.value }) : fail(response, state.error);
      }
      return send(response, 404, { error: 'not found' });
    })().catch((error: unknown) => send(response, 400, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    providers: registry.ids(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
