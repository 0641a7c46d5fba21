import 'reflect-metadata';
import { injectable, multiInject, optional } from 'inversify';
import { err, ok, type Result } from 'neverthrow';
import type { NotFoundError } from '../errors/change-set-error.js';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';
import { ChangeSetProviderToken } from './tokens.js';

/**
 * Resolves providers by id. A plugin host loads adapter modules into a container; each binds its provider
 * to `ChangeSetProviderToken`, and the registry collects them all.
 */
@injectable()
export class ChangeSetRegistry {
  readonly #providers = new Map<string, ChangeSetProvider>();

  constructor(@multiInject(ChangeSetProviderToken) @optional() providers: ChangeSetProvider[] = []) {
    for (const provider of providers ?? []) {
      // Two adapters claiming one id is a wiring bug, not a runtime condition: fail loudly at start-up.
      if (this.#providers.has(provider.id)) throw new Error(`two change-set providers claim the id ${provider.id}`);
      this.#providers.set(provider.id, provider);
    }
  }

  /** Every registered provider id, sorted. */
  ids(): string[] {
    return [...this.#providers.keys()].sort();
  }

  /** Whether a provider with this id is bound. */
  has(id: string): boolean {
    return this.#providers.has(id);
  }

  /** The provider with this id, or a not-found error. */
  get<Request = unknown>(id: string): Result<ChangeSetProvider<Request>, NotFoundError> {
    const provider = this.#providers.get(id);
    if (provider) return ok(provider as ChangeSetProvider<Request>);
    return err(
      createChangeSetError('not-found', {
        provider: id,
        operation: 'resolve',
        message: `no change-set provider with id ${id}; registered: ${this.ids().join(', ') || 'none'}`,
        resource: `provider ${id}`,
      }),
    );
  }
}
