import { z } from 'zod';

/** The plan file's `queues` section. */
export const fakeQueueSectionSchema = z
  .object({
    endpoint: z.string().optional().describe('Where the fake queue service listens.'),
    emulator: z.boolean().optional().describe('Run on the in-process fake service.'),
    changeSetName: z.string().optional(),
    changes: z
      .array(
        z
          .object({
            queue: z.string(),
            action: z.enum(['create', 'resize', 'delete']),
            size: z.number().int().positive().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type FakeQueueSection = z.infer<typeof fakeQueueSectionSchema>;
