// `pnpm soak many-bots`: 5 bot processes x 20 concurrent runs on 8 overlapping entities, one PostgreSQL lock
// store, one Marketplace emulator. Checks from the emulator's own record that no two change sets ever held
// one entity at once and that the service never had to refuse one (ResourceInUseException), and that every
// run finished or reported `locked`.
import { startMarketplaceEmulator } from '@changeplane/emulator';
import { dropSchema, linesOf, soakSchema, spawnTs, stats } from './soak-support.js';

export async function manyBots(rounds = 3, bots = 5, runsPerBot = 20, entities = 8) {
  const seconds: number[] = [];
  const rows: Record<string, unknown>[] = [];
  let failures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const emulator = await startMarketplaceEmulator({
      unknownEntities: 'create',
      limits: { ratesPerSecond: false, openChangeSetsPerAccount: 1_000 },
      timing: { preparingMs: 20, applyingMs: 40 },
    });
    const schema = soakSchema('soak_bots');
    const began = Date.now();
    process.env.SOAK_CREDENTIALS = JSON.stringify(emulator.credentials);
    const outputs = await Promise.all(
      Array.from({ length: bots }, (_, bot) =>
        linesOf(spawnTs('./bot.ts', [emulator.endpoint, schema, String(bot), String(runsPerBot), String(entities)])),
      ),
    );
    const elapsed = (Date.now() - began) / 1000;
    const results = outputs.flat().map((line) => JSON.parse(line) as { ok: boolean; kind?: string; code?: string });
    const applied = emulator.changeSets().filter((changeSet) => changeSet.intent === 'APPLY');
    let overlaps = 0;
    for (let a = 0; a < applied.length; a += 1) {
      for (let b = a + 1; b < applied.length; b += 1) {
        const x = applied[a]!;
        const y = applied[b]!;
        const shared = x.lockedEntityIds.some((id) => y.lockedEntityIds.includes(id));
        const xEnd = x.lockedUntil ?? Number.POSITIVE_INFINITY;
        const yEnd = y.lockedUntil ?? Number.POSITIVE_INFINITY;
        if (shared && x.lockedFrom < yEnd && y.lockedFrom < xEnd) overlaps += 1;
      }
    }
    const row = {
      round: round + 1,
      runs: results.length,
      succeeded: results.filter((result) => result.ok).length,
      locked: results.filter((result) => result.kind === 'locked').length,
      other: results.filter((result) => !result.ok && result.kind !== 'locked').length,
      resourceInUse: results.filter((result) => result.code === 'ResourceInUseException').length,
      changeSetsOnEmulator: applied.length,
      overlappingHolders: overlaps,
      seconds: elapsed,
    };
    const good =
      row.runs === bots * runsPerBot && row.other === 0 && row.overlappingHolders === 0 && row.resourceInUse === 0;
    if (!good) failures += 1;
    rows.push(row);
    seconds.push(elapsed);
    await emulator.close();
    await dropSchema(schema);
  }
  return { rows, seconds: stats(seconds), failures };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await manyBots();
  console.table(result.rows);
  console.log('wall time per round (s):', result.seconds);
  console.log(result.failures === 0 ? 'many bots: PASS' : `many bots: FAIL (${result.failures} rounds)`);
  process.exitCode = result.failures === 0 ? 0 : 1;
}
