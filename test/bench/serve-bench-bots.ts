import { type BenchBot, type BenchRun } from './serve-bench-workload.js';
import { call, type ServeProcess, sleep, updateInformationPlan } from './serve-fleet.js';

/** A run a bot submitted: its id, and what the bot saw. */
export interface SubmittedRun extends BenchRun {
  readonly id: string;
  readonly postMs: number;
}

const terminal = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * One bot: submits its runs one after another (to its server), then follows them as a bot would, reading its
 * oldest unfinished run every `pollMs` (jittered) until all are terminal or `deadline` passes. Answers the
 * runs and the latency of each `POST /v1/runs`; a refused submission (not 202) is retried after a second.
 */
export async function runBot(
  bot: BenchBot,
  token: string,
  server: ServeProcess,
  pollMs: number,
  deadline: number,
): Promise<{ submitted: SubmittedRun[]; refusals: number[] }> {
  const submitted: SubmittedRun[] = [];
  const refusals: number[] = [];
  for (const run of bot.runs) {
    for (;;) {
      const answer = await call(server.url, token, '/v1/runs', {
        method: 'POST',
        body: updateInformationPlan(run.entity, run.title),
        headers: { 'idempotency-key': run.title },
      });
      if (answer.status === 202) {
        submitted.push({ ...run, id: String(answer.body.id), postMs: answer.ms });
        break;
      }
      refusals.push(answer.status);
      await sleep(1_000);
    }
  }
  for (const run of submitted) {
    while (Date.now() < deadline) {
      const seen = await call(server.url, token, `/v1/runs/${run.id}`);
      if (seen.status === 200 && terminal.has(String(seen.body.state))) break;
      await sleep(pollMs * (0.5 + Math.random()));
    }
  }
  return { submitted, refusals };
}
