import 'reflect-metadata';
import { ContainerModule } from 'inversify';
import { errAsync, ok } from 'neverthrow';
import { describe, expect, it } from 'vitest';
import { createChangeSetError } from '../errors/create-change-set-error.js';
import { InMemoryEntityLockStore } from '../locks/in-memory-entity-lock-store.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';
import { ChangeSetRegistry } from './change-set-registry.js';
import { createChangeSetContainer } from './create-change-set-container.js';
import { ChangeSetProviderToken, EntityLockStoreToken } from './tokens.js';

// A provider that only answers to its id: the registry never calls anything else.
function providerWithId(id: string): ChangeSetProvider {
  const unused = () =>
    errAsync(createChangeSetError('provider-fault', { provider: id, operation: 'x', message: 'unused' }));
  return {
    id,
    validate: ok,
    create: unused,
    start: unused,
    describe: unused,
    cancel: unused,
    waitUntilSettled: unused,
  };
}

const moduleFor = (id: string) =>
  new ContainerModule(({ bind }) => {
    bind(ChangeSetProviderToken).toConstantValue(providerWithId(id));
  });

describe(ChangeSetRegistry, () => {
  describe('having two adapter modules loaded', () => {
    it('should resolve each provider by id and list them', () => {
      const registry = createChangeSetContainer(moduleFor('alibaba-ros'), moduleFor('aws-marketplace')).get(
        ChangeSetRegistry,
      );
      expect(registry.ids()).toEqual(['alibaba-ros', 'aws-marketplace']);
      expect(registry.get('aws-marketplace')._unsafeUnwrap().id).toBe('aws-marketplace');
    });
  });

  describe('having no provider with the id', () => {
    it('should return not-found naming the ids it has', () => {
      const registry = createChangeSetContainer(moduleFor('alibaba-ros')).get(ChangeSetRegistry);
      const error = registry.get('gcp')._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'not-found', provider: 'gcp' });
      expect(error.message).toContain('alibaba-ros');
    });
  });

  describe('having no modules', () => {
    it('should be empty and bind an in-memory lock store', () => {
      const container = createChangeSetContainer();
      expect(container.get(ChangeSetRegistry).ids()).toEqual([]);
      expect(container.get(EntityLockStoreToken)).toBeInstanceOf(InMemoryEntityLockStore);
    });
  });

  describe('having two modules that claim one id', () => {
    it('should refuse to start', () => {
      const container = createChangeSetContainer(moduleFor('dup'), moduleFor('dup'));
      expect(() => container.get(ChangeSetRegistry)).toThrow(/two change-set providers claim the id dup/);
    });
  });
});
