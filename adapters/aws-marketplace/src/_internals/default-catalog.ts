/** The catalog a request or change set names when it names none: the only one the Catalog API has today. */
export const defaultCatalog = 'AWSMarketplace';
