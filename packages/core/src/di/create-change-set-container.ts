import 'reflect-metadata';
import { Container, type ContainerModule } from 'inversify';
import { InMemoryEntityLockStore } from '../locks/in-memory-entity-lock-store.js';
import { ChangeSetRegistry } from './change-set-registry.js';
import { EntityLockStoreToken } from './tokens.js';

/**
 * A container with the registry and the given adapter modules loaded. A module may bind its own
 * `EntityLockStoreToken` (a shared store across processes); otherwise one in-memory store serves every
 * adapter of the container.
 */
export function createChangeSetContainer(...modules: ContainerModule[]): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(ChangeSetRegistry).toSelf().inSingletonScope();
  container.load(...modules);
  if (!container.isBound(EntityLockStoreToken)) {
    container.bind(EntityLockStoreToken).toConstantValue(new InMemoryEntityLockStore());
  }
  return container;
}
