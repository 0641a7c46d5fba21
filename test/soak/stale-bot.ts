// The paused bot of the lease-loss soak: `stale-bot.ts <endpoint> <schema>`. Prints `acquired <token>` once
// it holds its lease (TTL 1 s), then the result of its start as JSON.
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import type { EntityLease } from '@changeplane/core';
import { PostgresEntityLockStore } from '@changeplane/postgres';
import { valueOrThrow } from '../support/value-or-throw.js';
import { storeUrl } from './soak-support.js';

const [endpoint = '', schema = ''] = process.argv.slice(2);
class AnnouncingStore extends PostgresEntityLockStore {
  override async tryAcquire(key: string, holder: string, ttlMs: number) {
    const granted = await super.tryAcquire(key, holder, ttlMs);
    if (granted.isOk()) process.stdout.write(`acquired ${(granted.value as EntityLease).fencingToken}\n`);
    return granted;
  }
}
const store = new AnnouncingStore({ connectionString: storeUrl, schema });
const marketplace = AwsMarketplaceProvider.fromOptions({
  region: 'us-east-1',
  endpoint,
  credentials: JSON.parse(process.env.SOAK_CREDENTIALS ?? '{}'),
  lockStore: store,
  lockTtlMs: 1_000,
  retry: { baseDelayMs: 500, maxDelayMs: 500, maxAttempts: 4 },
});
const handle = valueOrThrow(
  await marketplace.create({
    changeSetName: 'stale',
    changes: [
      {
        changeType: 'UpdateInformation',
        entity: { type: 'SaaSProduct@1.0', identifier: 'prod-paused' },
        details: { ProductTitle: 'x' },
      },
    ],
  }),
  'creating the change set',
);
const result = await marketplace.start(handle);
process.stdout.write(
  `${JSON.stringify(result.isOk() ? { ok: true, changeSetId: result.value.changeSetId, token: handle.startToken } : { ok: false, kind: result.error.kind, code: result.error.code, token: handle.startToken })}\n`,
);
await marketplace.dispose();
await store.close();
