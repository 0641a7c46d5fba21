import { checkCatalog } from './catalog-name.js';
import { ViolationCollector } from './violation-collector.js';

/**
 * Checks the URI query of the operations that address one resource: `catalog` plus a change set id
 * (1-255 `^[\w\-]+$`) or an entity id (1-255 `^[\w\-@]+$`, entity ids such as `entity-id@1` have an `@`).
 * Returns the id. Field names are the SDK's member names.
 */
export function checkResourceId(query: URLSearchParams, parameter: 'changeSetId' | 'entityId'): string {
  const violations = new ViolationCollector();
  const field = parameter === 'changeSetId' ? 'ChangeSetId' : 'EntityId';
  const id = query.get(parameter) ?? undefined;
  violations.string(field, id, {
    min: 1,
    max: 255,
    pattern: parameter === 'changeSetId' ? /^[\w-]+$/ : /^[\w\-@]+$/,
    required: true,
  });
  checkCatalog(query.get('catalog') ?? undefined, violations);
  return id as string;
}
