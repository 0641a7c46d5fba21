import type { ProviderDescriptor, ProviderRuntime } from '@changeplane/core/adapter';

/** A descriptor whose runtime (schema, targets, connections) has been loaded. */
export interface LoadedProvider {
  readonly descriptor: ProviderDescriptor;
  readonly runtime: ProviderRuntime;
}

/** Loads every descriptor's runtime. */
export async function loadProviders(descriptors: readonly ProviderDescriptor[]): Promise<LoadedProvider[]> {
  return Promise.all(descriptors.map(async (descriptor) => ({ descriptor, runtime: await descriptor.load() })));
}
