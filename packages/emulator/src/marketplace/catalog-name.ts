import { MarketplaceException } from './marketplace-exception.js';
import { ViolationCollector } from './violation-collector.js';

/** The only catalog the service has. */
export const marketplaceCatalog = 'AWSMarketplace';

/**
 * Every operation names its catalog. A malformed name (the model: 1-64 `^[a-zA-Z]+$`) is a
 * ValidationException; a well-formed name of a catalog that does not exist is ResourceNotFoundException,
 * the error every operation documents for "the specified resource wasn't found".
 */
export function checkCatalog(value: unknown, violations = new ViolationCollector()): void {
  if (!violations.string('Catalog', value, { min: 1, max: 64, pattern: /^[a-zA-Z]+$/, required: true })) return;
  if (value !== marketplaceCatalog) {
    throw MarketplaceException.notFound(`Catalog ${value} was not found; the only catalog is ${marketplaceCatalog}.`);
  }
}
