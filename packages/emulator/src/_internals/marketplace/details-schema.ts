import type { ErrorDetail } from './catalog-records.js';

type Member = 'string' | 'strings' | 'list';

interface DetailsShape {
  /** Details may be a JSON array (the pages' AddDimensions and UpdateDimensions examples are arrays). */
  readonly list?: boolean;
  readonly required?: readonly string[];
  /** Members whose type is checked when present. */
  readonly members?: Readonly<Record<string, Member>>;
}

const terms: DetailsShape = { required: ['Terms'], members: { Terms: 'list' } };
const dimensions: DetailsShape = { list: true };

/**
 * The part of each change type's Details schema the emulator checks, from the request examples of the API
 * Reference pages that document the change type (links in change-type-table.ts): the documented required
 * members and the types of the members the examples show. A change type without a row takes any object.
 */
const shapes: Readonly<Record<string, DetailsShape>> = {
  CreateOffer: { required: ['ProductId'], members: { ProductId: 'string', Name: 'string' } },
  UpdateInformation: {
    members: {
      ProductTitle: 'string',
      ShortDescription: 'string',
      LongDescription: 'string',
      Sku: 'string',
      LogoUrl: 'string',
      Name: 'string',
      Description: 'string',
      Highlights: 'strings',
      SearchKeywords: 'strings',
      Categories: 'strings',
      VideoUrls: 'strings',
    },
  },
  UpdatePricingTerms: terms,
  UpdateLegalTerms: terms,
  UpdateSupportTerms: terms,
  UpdateValidityTerms: terms,
  UpdatePaymentScheduleTerms: terms,
  UpdateRenewalTerms: terms,
  AddRegions: { required: ['Regions'], members: { Regions: 'strings' } },
  RestrictRegions: { required: ['Regions'], members: { Regions: 'strings' } },
  AddInstanceTypes: { required: ['InstanceTypes'], members: { InstanceTypes: 'strings' } },
  RestrictInstanceTypes: { required: ['InstanceTypes'], members: { InstanceTypes: 'strings' } },
  AddRevisions: {
    required: ['DataSetArn', 'RevisionArns'],
    members: { DataSetArn: 'string', RevisionArns: 'strings' },
  },
  AddDimensions: dimensions,
  UpdateDimensions: dimensions,
  RestrictDimensions: dimensions,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const typeOk: Record<Member, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  strings: (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
  list: Array.isArray,
};
const typeName: Record<Member, string> = { string: 'a string', strings: 'a list of strings', list: 'a list' };

/** What the change type's schema refuses in `details` (INVALID_INPUT details), none when it accepts them. */
export function detailsProblems(changeType: string, details: unknown): ErrorDetail[] {
  const shape = shapes[changeType] ?? {};
  if (Array.isArray(details) && shape.list) return [];
  if (!isRecord(details)) {
    return [invalid(`The Details of ${changeType} must be a JSON object${shape.list ? ' or list' : ''}.`)];
  }
  const problems: ErrorDetail[] = [];
  for (const name of shape.required ?? []) {
    if (details[name] === undefined) problems.push(invalid(`${changeType} requires Details.${name}.`));
  }
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const value = details[name];
    if (value !== undefined && !typeOk[member](value)) {
      problems.push(invalid(`Details.${name} of ${changeType} must be ${typeName[member]}.`));
    }
  }
  return problems;
}

const invalid = (ErrorMessage: string): ErrorDetail => ({ ErrorCode: 'INVALID_INPUT', ErrorMessage });
