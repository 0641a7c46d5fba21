/**
 * Which change types apply to which entity types, as the AWS Marketplace API Reference pages name them
 * (read 2026-12; each row cites its page), checked against the change sets of AWS's own samples
 * (aws-samples/aws-marketplace-reference-code, `test/fidelity/marketplace/measure-public-samples.ts`). A change type a page names that is missing here would be refused
 * wrongly: add it with its source. `creates` are the change types
 * that take no Entity.Identifier and make a new entity (`CreateProduct`, `CreateOffer`, ...).
 */
export interface EntityTypeChangeTypes {
  readonly creates: readonly string[];
  readonly changes: readonly string[];
  readonly source: string;
}

const reference = 'https://docs.aws.amazon.com/marketplace/latest/APIReference';

/** Change types every seller product type shares (work-with-seller-products: create, information, dimensions, visibility, targeting, release). */
const productChanges = [
  'UpdateInformation',
  'ReleaseProduct',
  'AddDimensions',
  'UpdateDimensions',
  'RestrictDimensions',
  'UpdateTargeting',
  'UpdateVisibility',
  'AddDeliveryOptions',
  'UpdateDeliveryOptions',
  'RestrictDeliveryOptions',
];

/** Where the product is offered, and on which instance types (AMI and machine learning products). */
const regionChanges = ['AddRegions', 'RestrictRegions', 'UpdateFutureRegionSupport'];
const instanceTypeChanges = ['AddInstanceTypes', 'RestrictInstanceTypes'];

/** Keyed by entity type without its version (`SaaSProduct` for `SaaSProduct@1.0`). */
export const changeTypesByEntityType: Readonly<Record<string, EntityTypeChangeTypes>> = {
  AmiProduct: {
    creates: ['CreateProduct'],
    changes: [...productChanges, ...regionChanges, ...instanceTypeChanges],
    source: `${reference}/work-with-single-ami-products.html`,
  },
  ContainerProduct: {
    creates: ['CreateProduct'],
    changes: [...productChanges, ...regionChanges, 'AddRepositories'],
    source: `${reference}/work-with-container-products.html`,
  },
  SaaSProduct: {
    creates: ['CreateProduct'],
    changes: productChanges,
    source: `${reference}/work-with-saas-products.html`,
  },
  MachineLearningProduct: {
    creates: ['CreateProduct'],
    changes: [...productChanges, ...regionChanges, ...instanceTypeChanges],
    source: `${reference}/work-with-seller-products.html`,
  },
  DataProduct: {
    creates: [],
    changes: ['AddRevisions'],
    source: `${reference}/API_StartChangeSet.html`,
  },
  Offer: {
    creates: [
      'CreateOffer',
      'CreateReplacementOffer',
      'CreateOfferUsingResaleAuthorization',
      'CreateReplacementOfferUsingResaleAuthorization',
    ],
    changes: [
      'UpdateInformation',
      'UpdateTargeting',
      'UpdateAvailability',
      'UpdateValidityTerms',
      'UpdatePaymentScheduleTerms',
      'UpdatePricingTerms',
      'UpdateLegalTerms',
      'UpdateSupportTerms',
      'UpdateRenewalTerms',
      'UpdateMarketplaceFilters',
      'UpdateRecurringPaymentTerms',
      'UpdateMarkup',
      'ReleaseOffer',
    ],
    source: `${reference}/work-with-private-offers.html`,
  },
  ResaleAuthorization: {
    creates: ['CreateResaleAuthorization'],
    changes: [
      'UpdateInformation',
      'UpdateAvailability',
      'UpdatePricingTerms',
      'UpdateLegalTerms',
      'UpdateSupportTerms',
      'UpdateValidityTerms',
      'UpdatePaymentScheduleTerms',
      'UpdateBuyerTargetingTerms',
      'ReleaseResaleAuthorization',
      'RestrictResaleAuthorization',
    ],
    source: `${reference}/work-with-resale-authorizations.html`,
  },
  OfferSet: {
    creates: ['CreateOfferSet'],
    changes: [
      'UpdateInformation',
      'AssociateOffers',
      'DisassociateOffers',
      'AssociateSolution',
      'DisassociateSolution',
      'ReleaseOfferSet',
    ],
    source: `${reference}/work-with-multi-product-solutions.html`,
  },
  Solution: {
    creates: ['CreateSolution'],
    changes: ['UpdateInformation', 'UpdateRelatedProducts', 'ReleaseSolution'],
    source: `${reference}/work-with-multi-product-solutions.html`,
  },
  Experience: {
    creates: ['CreateExperience'],
    changes: ['UpdateInformation', 'UpdateBrandingSettings', 'AssociateAudience', 'DisassociateAudience'],
    source: `${reference}/work-with-private-marketplace.html`,
  },
  ProcurementPolicy: {
    creates: ['CreateProcurementPolicy'],
    changes: ['AllowProductProcurement', 'DenyProductProcurement'],
    source: `${reference}/work-with-private-marketplace.html`,
  },
};
