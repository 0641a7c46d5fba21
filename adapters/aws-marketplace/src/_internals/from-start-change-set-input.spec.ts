import { describe, expect, it } from 'vitest';
import { parseStartChangeSetInput } from './from-start-change-set-input.js';

const rules = (input: unknown) =>
  parseStartChangeSetInput(input).match(
    () => [],
    (error) => error.issues.map((issue) => `${issue.path} ${issue.rule}`),
  );

describe(parseStartChangeSetInput, () => {
  it('should read the documented PascalCase input into a request, DetailsDocument arrays included', () => {
    const request = parseStartChangeSetInput({
      Catalog: 'AWSMarketplace',
      ChangeSetName: 'n',
      ClientRequestToken: 't-1',
      Intent: 'VALIDATE',
      ChangeSetTags: [{ Key: 'k', Value: 'v' }],
      ChangeSet: [
        {
          ChangeType: 'AddDimensions',
          ChangeName: 'Dims',
          Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' },
          DetailsDocument: [{ Key: 'Seats' }],
          EntityTags: [{ Key: 'a', Value: 'b' }],
        },
        { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' }, Details: '{}' },
      ],
    })._unsafeUnwrap();
    expect(request).toEqual({
      catalog: 'AWSMarketplace',
      changeSetName: 'n',
      clientToken: 't-1',
      changeSetTags: [{ key: 'k', value: 'v' }],
      changes: [
        {
          changeType: 'AddDimensions',
          changeName: 'Dims',
          entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
          details: [{ Key: 'Seats' }],
          entityTags: [{ key: 'a', value: 'b' }],
        },
        { changeType: 'UpdateInformation', entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' }, details: '{}' },
      ],
    });
  });

  it.each([
    ['both Details and DetailsDocument', { Details: '{}', DetailsDocument: {} }, 'changes[0].details exclusive'],
    ['Details that is an object', { Details: { a: 1 } }, 'changes[0].details type'],
    ['a DetailsDocument that is a string', { DetailsDocument: 'text' }, 'changes[0].details type'],
    ['an unknown member', { Detials: '{}' }, 'changes[0] unrecognized_keys'],
  ])('should refuse %s', (_, patch, expected) => {
    expect(rules({ ChangeSet: [{ ChangeType: 'A', Entity: { Type: 'T' }, ...patch }] })).toContain(expected);
  });

  it('should refuse what is not an input at all, without throwing', () => {
    expect(rules(null)).toEqual(['(request) type']);
    expect(rules({ ChangeSet: 'x' })).toEqual(['changes type']);
  });
});
