import { describe, expect, it } from 'vitest';
import { decodeStartChangeSetPayload, startChangeSetPayloadOf } from './start-change-set-payload.js';
import { validateMarketplaceRequest } from './validate-marketplace-request.js';

const checked = () =>
  validateMarketplaceRequest({
    changeSetName: 'n',
    changes: [
      {
        changeType: 'UpdateInformation',
        entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' },
        details: { ProductTitle: 'x', Tags: ['a'] },
      },
      { changeType: 'UpdateTargeting', entity: { type: 'SaaSProduct@1.0', identifier: 'prod-2' }, details: '{}' },
    ],
  })._unsafeUnwrap();

describe(decodeStartChangeSetPayload, () => {
  describe('having the payload create made in this process', () => {
    it('should give it back as it is, frozen so nothing can change it after the check', () => {
      const payload = startChangeSetPayloadOf(checked());
      expect(decodeStartChangeSetPayload(payload, 'start')._unsafeUnwrap()).toBe(payload);
      expect(Object.isFrozen(payload.ChangeSet[0]!.DetailsDocument)).toBe(true);
    });
  });

  describe('having a payload that went through JSON (the run journal, another process)', () => {
    it('should read it back into the same StartChangeSet input', () => {
      const payload = startChangeSetPayloadOf(checked());
      const copy = JSON.parse(JSON.stringify(payload)) as typeof payload;
      const decoded = decodeStartChangeSetPayload(copy, 'start')._unsafeUnwrap();
      expect(decoded).not.toBe(copy);
      expect(decoded).toEqual(payload);
    });
  });

  describe('having a payload edited or corrupted on disk', () => {
    it.each([
      ['a string', 'oops'],
      ['null', null],
      ['no ChangeSet', { Catalog: 'AWSMarketplace' }],
      ['a change without its entity', { Catalog: 'AWSMarketplace', ChangeSet: [{ ChangeType: 'UpdateInformation' }] }],
      [
        'an identifier past the model limit',
        {
          Catalog: 'AWSMarketplace',
          ChangeSet: [{ ChangeType: 'UpdateInformation', Entity: { Type: 'T@1.0', Identifier: 'i'.repeat(256) } }],
        },
      ],
    ])('should refuse %s as validation naming handle.payload, without throwing', (_, payload) => {
      const error = decodeStartChangeSetPayload(payload, 'start')._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'validation', operation: 'start' });
      expect(error.issues.length).toBeGreaterThan(0);
      expect(error.issues.every((issue) => issue.path === 'handle.payload')).toBe(true);
    });
  });
});
