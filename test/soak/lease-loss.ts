// `pnpm soak lease-loss`: a bot takes its lease (TTL 1 s), its first StartChangeSet is throttled, and it is
// SIGSTOPped for 3 s; meanwhile another holder takes the entity. Resumed, the bot must start nothing: its
// retry checks the lease in PostgreSQL first. Checked from the emulator's record.
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { PostgresEntityLockStore } from '@changeplane/postgres';
import { dropSchema, linesOf, soakSchema, spawnTs, storeUrl } from './soak-support.js';

export async function leaseLoss(rounds = 5) {
  const rows: Record<string, unknown>[] = [];
  let failures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      limits: { ratesPerSecond: false },
      faults: [{ kind: 'throttle', operation: 'StartChangeSet', count: 1 }],
    });
    const schema = soakSchema('soak_lease');
    const other = new PostgresEntityLockStore({ connectionString: storeUrl, schema });
    process.env.SOAK_CREDENTIALS = JSON.stringify(emulator.credentials);
    const child = spawnTs('./stale-bot.ts', [emulator.endpoint, schema]);
    let takeover: Promise<number> | undefined;
    const lines = await linesOf(child, (line) => {
      if (!line.startsWith('acquired ') || takeover) return;
      child.kill('SIGSTOP');
      takeover = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const taken = await other.tryAcquire('aws-marketplace:default:us-east-1:prod-paused', 'other-bot', 60_000);
        child.kill('SIGCONT');
        return taken.isOk() ? taken.value.fencingToken : -1;
      })();
    });
    const otherToken = (await takeover) ?? -1;
    const result = JSON.parse(lines.at(-1) ?? '{}') as { ok: boolean; code?: string; token?: string };
    const staleToken = Number(lines.find((line) => line.startsWith('acquired '))?.split(' ')[1]);
    const started = emulator
      .changeSets()
      .filter((changeSet) => changeSet.intent === 'APPLY' && changeSet.clientRequestToken === result.token).length;
    const row = {
      round: round + 1,
      staleFencingToken: staleToken,
      takeoverFencingToken: otherToken,
      botResult: result.ok ? 'started' : `${result.code}`,
      changeSetsStartedByPausedBot: started,
    };
    if (result.ok || started !== 0 || otherToken <= staleToken) failures += 1;
    rows.push(row);
    await other.close();
    await emulator.close();
    await dropSchema(schema);
  }
  return { rows, failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await leaseLoss();
  console.table(result.rows);
  console.log(result.failures === 0 ? 'lease loss: PASS' : `lease loss: FAIL (${result.failures} rounds)`);
  process.exitCode = result.failures === 0 ? 0 : 1;
}
