import type { CatalogEntities } from './catalog-entities.js';
import type { ErrorDetail, StoredChange } from './catalog-records.js';
import { changeTypesByEntityType } from './change-type-table.js';
import { detailsProblems } from './details-schema.js';
import { baseEntityType, entityIdOf } from './entity-identifier.js';

/** Whether a change naming an entity nobody has is a failure (the service) or makes it (demos and load tests). */
export type UnknownEntities = 'fail' | 'create';

/**
 * What the catalog finds wrong with each change at the end of PREPARING, in change order (an empty list for
 * a change it accepts): an entity that does not exist for the account (ENTITY_NOT_FOUND) or is of another
 * type (INCOMPATIBLE_ENTITY_TYPE), a change type that does not apply to the entity type (INVALID_CHANGE_TYPE,
 * change-type-table.ts) and details the change type's schema refuses (INVALID_INPUT, details-schema.ts).
 * Where an AWS guide names the code it is used (`documentedNotFound`); the others are the emulator's
 * (docs/provider-notes.md).
 */
export function changeProblems(
  changes: readonly StoredChange[],
  entities: CatalogEntities,
  account: string,
  unknownEntities: UnknownEntities,
): ErrorDetail[][] {
  const created = new Set(
    changes.filter((change) => change.creates).map((change) => entityIdOf(change.Entity.Identifier)),
  );
  return changes.map((change) => [
    ...entityProblems(change, entities, account, created, unknownEntities),
    ...changeTypeProblems(change),
    ...detailsProblems(change.ChangeType, detailsOf(change)),
  ]);
}

function entityProblems(
  change: StoredChange,
  entities: CatalogEntities,
  account: string,
  created: ReadonlySet<string>,
  unknownEntities: UnknownEntities,
): ErrorDetail[] {
  const { Type, Identifier } = change.Entity;
  if (Identifier === '') {
    return [{ ErrorCode: 'ENTITY_NOT_FOUND', ErrorMessage: `${change.ChangeType} needs an Entity.Identifier.` }];
  }
  if (created.has(entityIdOf(Identifier))) return [];
  const entity = entities.get(account, Identifier);
  if (entity === undefined) {
    if (unknownEntities === 'create') return [];
    const documented = documentedNotFound[`${baseEntityType(Type)}/${change.ChangeType}`];
    return [
      documented ?? {
        ErrorCode: 'ENTITY_NOT_FOUND',
        ErrorMessage: `Entity ${Identifier} of type ${Type} was not found.`,
      },
    ];
  }
  if (baseEntityType(entity.type) !== baseEntityType(Type)) {
    return [
      {
        ErrorCode: 'INCOMPATIBLE_ENTITY_TYPE',
        ErrorMessage: `Entity ${Identifier} is a ${entity.type}, not a ${Type}.`,
      },
    ];
  }
  return [];
}

/**
 * The codes an AWS guide names for a change on a product that is not there: "Errors in the AMI products API"
 * (AWS Marketplace Catalog API Reference): AddDeliveryOptions, INVALID_PRODUCT, "Use an existing limited or
 * public product." Other entity types and change types: ENTITY_NOT_FOUND (the emulator's).
 */
const documentedNotFound: Readonly<Record<string, ErrorDetail>> = {
  'AmiProduct/AddDeliveryOptions': {
    ErrorCode: 'INVALID_PRODUCT',
    ErrorMessage: 'Use an existing limited or public product.',
  },
};

function changeTypeProblems({ ChangeType, Entity }: StoredChange): ErrorDetail[] {
  const known = changeTypesByEntityType[baseEntityType(Entity.Type)];
  if (known && (known.changes.includes(ChangeType) || known.creates.includes(ChangeType))) return [];
  return [
    {
      ErrorCode: 'INVALID_CHANGE_TYPE',
      ErrorMessage: known
        ? `Change type ${ChangeType} does not apply to entity type ${Entity.Type}.`
        : `Entity type ${Entity.Type} has no change type ${ChangeType}.`,
    },
  ];
}

/** Details is JSON text (the rules checked that it parses), DetailsDocument a JSON value; neither: `{}`. */
export function detailsOf(change: StoredChange): unknown {
  return change.DetailsDocument ?? (change.Details !== undefined ? JSON.parse(change.Details) : {});
}
