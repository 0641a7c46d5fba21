import { inspect } from 'node:util';
import { DescribeChangeSetCommand, MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetRef } from '@changeplane/core';
import { type RunningMarketplaceEmulator, startMarketplaceEmulator } from '@changeplane/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoneShown } from '../../../test/support/error-renderings.js';
import { awsSecretRedactor } from './_internals/aws-secret-redactor.js';
import { mapMarketplaceError } from './_internals/map-marketplace-error.js';
import { AwsMarketplaceProvider } from './aws-marketplace-provider.js';

// Two callers of one emulator. Key ids that no AWS pattern matches (not AKIA/ASIA): only the literal
// credentials the redactor was given (or resolved) can mask them. Tokens within `[\w-]`, so the emulator
// takes them as a change-set id and quotes them back in its ResourceNotFoundException.
const one = {
  accessKeyId: 'AKIDREDACTONE0000001',
  secretAccessKey: 'secret-one-for-redaction-tests-0000001',
  sessionToken: 'FwoGZXIvYXdzEOne-session-token-0000000000000001',
};
const two = {
  accessKeyId: 'AKIDREDACTTWO0000002',
  secretAccessKey: 'secret-two-for-redaction-tests-0000002',
  sessionToken: 'FwoGZXIvYXdzETwo-session-token-0000000000000002',
};
type Credentials = typeof one;
const partsOf = (credentials: Credentials) => [
  credentials.accessKeyId,
  credentials.secretAccessKey,
  credentials.sessionToken,
];
/** A change-set id that quotes every credential part: the emulator answers "Change set <id> was not found." */
const quoting = (credentials: Credentials) => partsOf(credentials).join('-');
const refTo = (changeSetId: string): ChangeSetRef => ({
  provider: 'aws-marketplace',
  changeSetId,
  scope: { catalog: 'AWSMarketplace' },
});

describe('Marketplace errors quoting credentials', () => {
  let emulator: RunningMarketplaceEmulator;
  const providers: AwsMarketplaceProvider[] = [];
  const provider = (credentials: Credentials) => {
    const built = AwsMarketplaceProvider.fromOptions({
      region: emulator.region,
      endpoint: emulator.endpoint,
      credentials,
      retry: { maxAttempts: 1 },
    });
    providers.push(built);
    return built;
  };

  beforeEach(async () => {
    emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      limits: { ratesPerSecond: false },
      credentials: [
        { accessKeyId: one.accessKeyId, secretAccessKey: one.secretAccessKey },
        { accessKeyId: two.accessKeyId, secretAccessKey: two.secretAccessKey },
      ],
    });
  });
  afterEach(async () => {
    await Promise.all(providers.splice(0).map((item) => item.dispose()));
    await emulator.close();
  });

  describe('having a session token configured and a server message that quotes it', () => {
    it('should have the raw SDK error quote it, and the mapped error mask key id, secret and token everywhere', async () => {
      const client = new MarketplaceCatalogClient({
        region: emulator.region,
        endpoint: emulator.endpoint,
        credentials: one,
        maxAttempts: 1,
      });
      const thrown = await client
        .send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: quoting(one) }))
        .then(
          () => undefined,
          (error: unknown) => error as Error,
        );
      // The premise: the server really quoted all three, over HTTP, through the official client.
      for (const secret of partsOf(one)) expect(thrown?.message).toContain(secret);

      const error = mapMarketplaceError(thrown, {
        operation: 'describe',
        redactor: awsSecretRedactor(one, client),
      });
      expect(error).toMatchObject({ kind: 'not-found', code: 'ResourceNotFoundException', httpStatus: 404 });
      expect(error.message).toBe('Change set ***-***-*** was not found.');
      expectNoneShown(error, partsOf(one));
      client.destroy();
    });

    it('should mask them in what the provider returns', async () => {
      const described = await provider(one).describe(refTo(quoting(one)));
      const error = described._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'not-found', provider: 'aws-marketplace' });
      expect(error.message).toContain('***');
      expectNoneShown(error, partsOf(one));
      expect(error.cause).toMatchObject({ name: 'ResourceNotFoundException' });
      expect(inspect(error, { depth: 10 })).not.toContain('$response');
    });
  });

  describe('having credentials only a provider function knows', () => {
    it('should resolve them on the first failed call and mask them in its error', async () => {
      let calls = 0;
      const client = new MarketplaceCatalogClient({
        region: emulator.region,
        endpoint: emulator.endpoint,
        credentials: async () => {
          calls += 1;
          return one;
        },
        maxAttempts: 1,
      });
      const marketplace = AwsMarketplaceProvider.fromOptions({ client, retry: { maxAttempts: 1 } });
      providers.push(marketplace);
      const error = (await marketplace.describe(refTo(quoting(one))))._unsafeUnwrapErr();
      expect(error.kind).toBe('not-found');
      expectNoneShown(error, partsOf(one));
      expect(calls).toBeGreaterThanOrEqual(1);
      client.destroy();
    });
  });

  describe('having two providers with different credentials', () => {
    it('should mask each provider’s own credentials only: nothing is shared process-wide', async () => {
      const first = provider(one);
      const second = provider(two);
      const firstError = (await first.describe(refTo(`${quoting(one)}-${two.sessionToken}`)))._unsafeUnwrapErr();
      const secondError = (await second.describe(refTo(`${quoting(two)}-${one.sessionToken}`)))._unsafeUnwrapErr();
      expectNoneShown(firstError, partsOf(one));
      expectNoneShown(secondError, partsOf(two));
      // Each provider knows its own credentials, not the other's: a global list would have masked both.
      expect(firstError.message).toContain(two.sessionToken);
      expect(secondError.message).toContain(one.sessionToken);
    });
  });
});
