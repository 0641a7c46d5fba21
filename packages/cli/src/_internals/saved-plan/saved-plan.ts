import { planContentHash } from '@changeplane/core';
import { z } from 'zod';

/** What marks a file as a saved plan (`changeplane plan --out`), not a plan. */
export const savedPlanKind = 'changeplane-saved-plan';

const connectionRecordSchema = z.object({
  endpoint: z.string(),
  credentialSource: z.string(),
  emulator: z.boolean(),
  settings: z.record(z.string(), z.json()),
});

const savedTaskSchema = z.object({
  task: z.string(),
  label: z.string(),
  provider: z.string(),
  conflictKeys: z.array(z.string()),
  /** The prepared change set, exactly as `create` gave it: what `apply` starts. */
  handle: z.record(z.string(), z.json()),
  /** sha256 of the handle's canonical JSON: an edit of the handle changes it. */
  digest: z.string(),
});

const savedProviderSchema = z.object({
  record: connectionRecordSchema,
  concurrency: z.number().int().positive(),
  startsPerSecond: z.number().positive().optional(),
});

/** A saved plan: the change sets `plan --out` prepared and left in place, and where it reached them. */
export const savedPlanSchema = z
  .object({
    kind: z.literal(savedPlanKind),
    version: z.literal(1),
    plan: z.string(),
    planHash: z.string(),
    runId: z.string(),
    savedAt: z.string(),
    providers: z.record(z.string(), savedProviderSchema),
    tasks: z.array(savedTaskSchema),
    /** sha256 over every task's digest, in order: a task added, removed or moved changes it. */
    digest: z.string(),
  })
  .strict();

export type SavedPlan = z.infer<typeof savedPlanSchema>;
export type SavedTask = z.infer<typeof savedTaskSchema>;

/** The digest of one prepared change set. */
export const handleDigest = (handle: unknown): string => planContentHash(handle);

/** The digest of a saved plan's tasks, in order. */
export const tasksDigest = (tasks: readonly Pick<SavedTask, 'task' | 'digest'>[]): string =>
  planContentHash(tasks.map(({ task, digest }) => ({ task, digest })));
