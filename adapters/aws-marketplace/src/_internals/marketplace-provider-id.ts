/** The id of the Marketplace provider: on its handles, refs, errors and lock keys. */
export const marketplaceProviderId = 'aws-marketplace';
