import type { ValidationError } from '@changeplane/core';
import { createValidationError } from '@changeplane/core/adapter';
import { err, type Result } from 'neverthrow';
import type { CheckedMarketplaceRequest } from '../marketplace-change-set-request.js';
import { validateMarketplaceRequest } from './validate-marketplace-request.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Renames the members it knows and keeps any other as it is, so the schema names it as unknown. */
const renamed = (value: unknown, names: Readonly<Record<string, string>>): unknown => {
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [names[key] ?? key, item]));
};

const tags = (value: unknown): unknown =>
  Array.isArray(value) ? value.map((tag) => renamed(tag, { Key: 'key', Value: 'value' })) : value;

/**
 * A StartChangeSet input as AWS documents it (PascalCase, `Details` or `DetailsDocument`: what the public
 * samples and `aws marketplace-catalog start-change-set --cli-input-json` files hold) into a checked
 * changeplane request, by `validateMarketplaceRequest`. `Intent` is not part of a request (`create` with
 * `validateOnServer` is the dry run). Refused as by the model: `Details` and `DetailsDocument` together,
 * `Details` that is not a string; and a `DetailsDocument` that is a string, which a changeplane request cannot
 * express (its string `details` is sent as `Details`).
 * Never throws.
 */
export function parseStartChangeSetInput(input: unknown): Result<CheckedMarketplaceRequest, ValidationError> {
  try {
    if (!isObject(input)) return validateMarketplaceRequest(input);
    const { Intent: _intent, ...rest } = input;
    const wrong: { path: string; rule: string; message: string }[] = [];
    const changes = Array.isArray(rest.ChangeSet)
      ? rest.ChangeSet.map((change, index) => {
          if (!isObject(change)) return change;
          const { Details, DetailsDocument, EntityTags, Entity, ...others } = change;
          const path = `changes[${index}].details`;
          if (Details !== undefined && DetailsDocument !== undefined)
            wrong.push({ path, rule: 'exclusive', message: 'give Details or DetailsDocument, not both' });
          else if (Details !== undefined && typeof Details !== 'string')
            wrong.push({
              path,
              rule: 'type',
              message: 'Details must be a string (a JSON object as text); a document is DetailsDocument',
            });
          else if (typeof DetailsDocument === 'string')
            wrong.push({
              path,
              rule: 'type',
              message:
                'a DetailsDocument that is a JSON string cannot be expressed (a string is sent as Details): give an object, or Details',
            });
          return {
            ...(renamed(others, { ChangeType: 'changeType', ChangeName: 'changeName' }) as object),
            ...(Entity !== undefined ? { entity: renamed(Entity, { Type: 'type', Identifier: 'identifier' }) } : {}),
            ...(Details !== undefined || DetailsDocument !== undefined ? { details: Details ?? DetailsDocument } : {}),
            ...(EntityTags !== undefined ? { entityTags: tags(EntityTags) } : {}),
          };
        })
      : rest.ChangeSet;
    if (wrong.length > 0) return err(createValidationError('aws-marketplace', 'create', wrong));
    const { ChangeSet: _changeSet, ChangeSetTags, ...others } = rest;
    return validateMarketplaceRequest({
      ...(renamed(others, {
        Catalog: 'catalog',
        ChangeSetName: 'changeSetName',
        ClientRequestToken: 'clientToken',
      }) as object),
      ...(rest.ChangeSet !== undefined ? { changes } : {}),
      ...(ChangeSetTags !== undefined ? { changeSetTags: tags(ChangeSetTags) } : {}),
    });
  } catch (error) {
    return err(
      createValidationError('aws-marketplace', 'create', [
        {
          path: '(request)',
          rule: 'unreadable',
          message: `the input could not be read: ${error instanceof Error ? error.message : 'a non-Error value'}`,
        },
      ]),
    );
  }
}
