// A child process for the kill -9 spec: resumes the plan's unfinished run (or starts one) in the folder
// given, then records intents and outcomes as fast as it can, printing `ack <n>` after each one is durable.
import { FileRunJournal } from '@changeplane/core';

const directory = process.argv[2] ?? '.changeplane';
const journal = new FileRunJournal({ directory });
const started = await journal.startRun('plan-under-kill');
if (started.isErr()) {
  process.stdout.write(`error ${started.error.code} ${started.error.message}\n`);
  process.exit(3);
}
const { runId, resumed } = started.value;
process.stdout.write(`run ${runId} ${resumed ? 'resumed' : 'new'}\n`);
for (let n = 0; ; n += 1) {
  const taskKey = `task-${process.pid}-${n}`;
  const intent = await journal.recordIntent({ runId, taskKey, operation: 'create', provider: 'alibaba-ros' });
  if (intent.isErr()) process.exit(4);
  process.stdout.write(`ack intent ${taskKey} ${intent.value.clientToken}\n`);
  const outcome = await journal.recordOutcome({
    runId,
    taskKey,
    operation: 'create',
    result: {
      handle: {
        provider: 'alibaba-ros',
        changeSetId: `cs-${n}`,
        scope: { stackId: `stack-${n}`, note: 'x'.repeat(n % 7 === 0 ? 5_000 : 10) },
        outcome: 'ready',
        entities: [`stack-${n}`],
        changes: [],
        startToken: journal.clientToken(runId, taskKey, 'start'),
        createdAt: new Date().toISOString(),
      },
    },
  });
  if (outcome.isErr()) process.exit(4);
  process.stdout.write(`ack outcome ${taskKey}\n`);
}
