// One bot process of the many-bots soak: `bot.ts <endpoint> <schema> <bot-id> <runs> <entities>`. Runs
// `runs` change sets at once, each on two of the shared entities, through the Marketplace adapter with the
// PostgreSQL lock store; prints one JSON line per run: {ok} or {kind, code}.
import { AwsMarketplaceProvider } from '@changeplane/aws-marketplace';
import { PostgresEntityLockStore } from '@changeplane/postgres';
import { storeUrl } from './soak-support.js';

const [endpoint = '', schema = '', botId = '0', runs = '20', entityCount = '8'] = process.argv.slice(2);
const store = new PostgresEntityLockStore({ connectionString: storeUrl, schema });
const marketplace = AwsMarketplaceProvider.fromOptions({
  region: 'us-east-1',
  endpoint,
  credentials: JSON.parse(process.env.SOAK_CREDENTIALS ?? '{}'),
  lockStore: store,
  lockTtlMs: 30_000,
  watchIntervalMs: 50,
  settleWatchIntervalMs: 50,
  retry: { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 6 },
});
const entities = Number(entityCount);
await Promise.all(
  Array.from({ length: Number(runs) }, async (_, index) => {
    const seed = Number(botId) * 7 + index * 3;
    const picked = [...new Set([`prod-${seed % entities}`, `prod-${(seed * 5 + 1) % entities}`])];
    const lockWait = { maxWaitMs: 60_000 };
    const result = await marketplace
      .create(
        {
          changeSetName: `bot-${botId}-run-${index}`,
          changes: picked.map((identifier) => ({
            changeType: 'UpdateInformation',
            entity: { type: 'SaaSProduct@1.0', identifier },
            details: { ProductTitle: `${botId}-${index}` },
          })),
        },
        { lockWait },
      )
      .andThen((handle) => marketplace.start(handle, { lockWait }))
      .andThen((started) => marketplace.waitUntilSettled(started, { maxWaitMs: 120_000 }));
    process.stdout.write(
      `${JSON.stringify(result.isOk() ? { ok: true, status: result.value.status } : { ok: false, kind: result.error.kind, code: result.error.code })}\n`,
    );
  }),
);
await marketplace.dispose();
await store.close();
