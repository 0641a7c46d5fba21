// Measures public StartChangeSet sample payloads (e.g. a local copy of aws-samples/aws-marketplace-reference-code;
// none of their files is committed) against the service model, the adapter and the emulator:
//
//   pnpm build && node --import tsx test/fidelity/marketplace/measure-public-samples.ts <folder>
//
// For each distinct JSON payload with a ChangeSet: does the emulator's reading of the model accept it
// (Intent VALIDATE, sent as is), does the adapter accept it (parseStartChangeSetInput), and does it end
// SUCCEEDED when the adapter creates and starts it on the emulator. Prints a JSON summary.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MarketplaceCatalogClient, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { AwsMarketplaceProvider, parseStartChangeSetInput } from '@changeplane/aws-marketplace';
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { valueOrThrow } from '../../support/value-or-throw.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: measure-public-samples.ts <folder of sample JSON files>');
  process.exit(2);
}

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.json') ? [path] : [];
  });

const samples = new Map<string, { file: string; payload: Record<string, unknown> }>();
let notJson = 0;
for (const file of files(folder).sort()) {
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    notJson += 1;
    continue;
  }
  if (payload === null || typeof payload !== 'object' || !('ChangeSet' in payload)) continue;
  const key = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  if (!samples.has(key))
    samples.set(key, { file: relative(folder, file), payload: payload as Record<string, unknown> });
}

const emulator = await startMarketplaceEmulator({
  unknownEntities: 'create',
  timing: { preparingMs: 5, applyingMs: 5 },
  limits: { ratesPerSecond: false },
});
const options = { region: emulator.region, endpoint: emulator.endpoint, credentials: emulator.credentials };
const client = new MarketplaceCatalogClient({ ...options, maxAttempts: 1 });
const provider = AwsMarketplaceProvider.fromOptions({ ...options, watchIntervalMs: 10 });

const tally = {
  files: files(folder).length,
  notJson,
  distinctPayloads: samples.size,
  modelAccepts: 0,
  adapterAccepts: 0,
  bothAccept: 0,
  succeeded: 0,
  disagreements: 0,
};
const refusals = new Map<string, number>();
const details: { file: string; model: boolean; adapter: boolean; outcome: string }[] = [];
for (const { file, payload } of samples.values()) {
  const { ClientRequestToken: _token, Intent: _intent, ...rest } = payload;
  const model = await client.send(new StartChangeSetCommand({ ...rest, Intent: 'VALIDATE' } as never)).then(
    () => true,
    (error: { name?: string; ValidationExceptionFieldList?: { Field?: string; Message?: string }[] }) => {
      for (const field of error.ValidationExceptionFieldList ?? [{ Field: error.name }]) {
        const reason = `${(field.Field ?? '').replace(/\[\d+\]/g, '[n]')}: ${(field.Message ?? '').replace(/\d+/g, 'N').slice(0, 90)}`;
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
      }
      return false;
    },
  );
  const request = parseStartChangeSetInput(rest);
  const adapter = request.isOk();
  if (model) tally.modelAccepts += 1;
  if (adapter) tally.adapterAccepts += 1;
  if (model !== adapter) tally.disagreements += 1;
  let outcome = 'refused';
  if (model && adapter) {
    tally.bothAccept += 1;
    const settled = await provider
      .create(valueOrThrow(request, 'checking a sample'))
      .andThen((handle) => provider.start(handle))
      .andThen((started) => provider.waitUntilSettled(started, { minDelayMs: 5, maxDelayMs: 20, maxWaitMs: 10_000 }));
    outcome = settled.isOk() ? settled.value.rawStatus : `error: ${settled.error.kind} ${settled.error.message}`;
    if (settled.isOk() && settled.value.status === 'succeeded') tally.succeeded += 1;
  }
  details.push({ file, model, adapter, outcome });
}
provider.dispose();
client.destroy();
await emulator.close();

console.log(
  JSON.stringify(
    {
      tally,
      refusalsByField: Object.fromEntries([...refusals.entries()].sort((a, b) => b[1] - a[1])),
      notSucceeded: details.filter((item) => item.model && item.adapter && item.outcome !== 'SUCCEEDED'),
      disagreements: details.filter((item) => item.model !== item.adapter),
    },
    null,
    2,
  ),
);
