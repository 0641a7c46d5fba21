import { MarketplaceException } from './marketplace-exception.js';
import { startChangeSetModel } from './start-change-set-model.js';
import { ViolationCollector } from './violation-collector.js';

/**
 * Every operation names its catalog, and the service has one: `AWSMarketplace`. A malformed name (the
 * model: 1-64 `^[a-zA-Z]+$`) is collected as a ValidationException field; a well-formed name of another
 * catalog is ResourceNotFoundException (404), the error every operation documents for "the specified
 * resource wasn't found". The 404 is only raised once nothing else is wrong with the request, so a caller
 * sees all its validation errors first.
 */
export function checkCatalog(value: unknown, violations: ViolationCollector = new ViolationCollector()): void {
  violations.string('Catalog', value, startChangeSetModel.Catalog);
  violations.throwIfAny();
  if (value !== 'AWSMarketplace') {
    throw MarketplaceException.notFound(`Catalog ${String(value)} was not found; the only catalog is AWSMarketplace.`);
  }
}
