import { inspect } from 'node:util';
import Credential, { Config as CredentialConfig } from '@alicloud/credentials';
import * as $OpenApi from '@alicloud/openapi-core';
import ROS, * as $Ros from '@alicloud/ros20190910';
import type { ChangeSetRef } from '@changeplane/core';
import { type RunningRosEmulator, startRosEmulator } from '@changeplane/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoneShown } from '../../../test/support/error-renderings.js';
import { mapRosError } from './_internals/map-ros-error.js';
import { rosSecretRedactor } from './_internals/ros-secret-redactor.js';
import { RosProvider } from './ros-provider.js';
import type { RosClient } from './ros-provider-options.js';

// Two callers of one emulator with STS-style key ids (`STS.`, not `LTAI`): no Alibaba pattern matches them,
// so only the literal credentials the redactor was given (or resolved) can mask them. The emulator quotes
// a ChangeSetId it cannot find: "The ChangeSet <id> could not be found."
const one = {
  accessKeyId: 'STS.NUredactionKeyOne01',
  accessKeySecret: 'secret-one-for-ros-redaction-tests-01',
  securityToken: 'CAIS-security-token-one-000000000000000001',
};
const two = {
  accessKeyId: 'STS.NUredactionKeyTwo02',
  accessKeySecret: 'secret-two-for-ros-redaction-tests-02',
  securityToken: 'CAIS-security-token-two-000000000000000002',
};
type Credentials = typeof one;
const partsOf = (credentials: Credentials) => [
  credentials.accessKeyId,
  credentials.accessKeySecret,
  credentials.securityToken,
];
const quoting = (credentials: Credentials) => partsOf(credentials).join('-');
const refTo = (changeSetId: string): ChangeSetRef => ({
  provider: 'alibaba-ros',
  changeSetId,
  region: 'cn-hangzhou',
  scope: {},
});

describe('ROS errors quoting credentials', () => {
  let emulator: RunningRosEmulator;
  const endpointConfig = () => ({
    regionId: 'cn-hangzhou',
    endpoint: new URL(emulator.endpoint).host,
    protocol: 'http',
  });
  const provider = (credentials: Credentials) =>
    RosProvider.fromOptions({
      regionId: 'cn-hangzhou',
      endpoint: new URL(emulator.endpoint).host,
      protocol: 'http',
      credentials,
      retry: { maxAttempts: 1 },
    });

  beforeEach(async () => {
    emulator = await startRosEmulator({
      credentials: [
        { accessKeyId: one.accessKeyId, accessKeySecret: one.accessKeySecret },
        { accessKeyId: two.accessKeyId, accessKeySecret: two.accessKeySecret },
      ],
    });
  });
  afterEach(async () => {
    await emulator.close();
  });

  describe('having a security token configured and a server message that quotes it', () => {
    it('should have the raw SDK error quote it, and the mapped error mask key id, secret and token everywhere', async () => {
      const client = new ROS.default(new $OpenApi.$OpenApiUtil.Config({ ...endpointConfig(), ...one })) as RosClient;
      const thrown = await client
        .getChangeSet(new $Ros.GetChangeSetRequest({ regionId: 'cn-hangzhou', changeSetId: quoting(one) }))
        .then(
          () => undefined,
          (error: unknown) => error as Error,
        );
      // The premise: the server really quoted all three, over HTTP, through the official client.
      for (const secret of partsOf(one)) expect(thrown?.message).toContain(secret);

      const error = mapRosError(thrown, { operation: 'GetChangeSet', redactor: rosSecretRedactor(one, client) });
      expect(error).toMatchObject({ kind: 'not-found', code: 'ChangeSetNotFound', httpStatus: 404 });
      expect(error.message).toBe('The ChangeSet ***-***-*** could not be found.');
      expectNoneShown(error, partsOf(one));
    });

    it('should mask them in what the provider returns', async () => {
      const error = (await provider(one).describe(refTo(quoting(one))))._unsafeUnwrapErr();
      expect(error).toMatchObject({ kind: 'not-found', provider: 'alibaba-ros', code: 'ChangeSetNotFound' });
      expectNoneShown(error, partsOf(one));
      expect(error.cause).toMatchObject({ code: 'ChangeSetNotFound' });
      expect(inspect(error, { depth: 10 })).not.toContain('x-acs-security-token');
    });
  });

  describe('having credentials only the @alicloud/credentials client knows', () => {
    it('should resolve them on the first failed call and mask them in its error', async () => {
      const credential = new Credential.default(new CredentialConfig({ type: 'sts', ...one }));
      const client = new ROS.default(new $OpenApi.$OpenApiUtil.Config({ ...endpointConfig(), credential }));
      const ros = RosProvider.fromOptions({ client: client as RosClient, retry: { maxAttempts: 1 } });
      const error = (await ros.describe(refTo(quoting(one))))._unsafeUnwrapErr();
      expect(error.kind).toBe('not-found');
      expectNoneShown(error, partsOf(one));
    });
  });

  describe('having two providers with different credentials', () => {
    it('should mask each provider’s own credentials only: nothing is shared process-wide', async () => {
      const firstError = (
        await provider(one).describe(refTo(`${quoting(one)}-${two.securityToken}`))
      )._unsafeUnwrapErr();
      const secondError = (
        await provider(two).describe(refTo(`${quoting(two)}-${one.securityToken}`))
      )._unsafeUnwrapErr();
      expectNoneShown(firstError, partsOf(one));
      expectNoneShown(secondError, partsOf(two));
      // Each provider knows its own credentials, not the other's: a global list would have masked both.
      expect(firstError.message).toContain(two.securityToken);
      expect(secondError.message).toContain(one.securityToken);
    });
  });
});
