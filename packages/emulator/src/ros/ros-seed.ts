import { z } from 'zod';
import { checkSeed } from '../_internals/shared/check-seed.js';
import type { SeedCheck } from '../shared/seed-issue.js';

/** Settled stack statuses a seed may give (an operation in progress would never end: nothing runs it). */
const seededStatuses = [
  'CREATE_COMPLETE',
  'CREATE_FAILED',
  'CREATE_ROLLBACK_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_FAILED',
  'ROLLBACK_COMPLETE',
  'ROLLBACK_FAILED',
  'IMPORT_CREATE_COMPLETE',
  'IMPORT_UPDATE_COMPLETE',
  'CHECK_COMPLETE',
  'REVIEW_IN_PROGRESS',
] as const;

const seededStack = z.strictObject({
  regionId: z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, 'a region id such as cn-hangzhou'),
  // CreateChangeSet page: up to 255 letters, digits, hyphens and underscores, starting with a letter or digit.
  stackName: z
    .string()
    .regex(/^[A-Za-z0-9][\w-]{0,254}$/, 'up to 255 letters, digits, - and _, first a letter or digit'),
  stackId: z.uuid().optional(),
  template: z.union([z.string().min(1), z.record(z.string(), z.unknown())]),
  status: z.enum(seededStatuses).optional(),
  statusReason: z.string().optional(),
  parameters: z.record(z.string(), z.string()).optional(),
});

const rosSeedSchema = z.strictObject({ stacks: z.array(seededStack).optional() });

/** A stack present from the start (and after a reset). */
export interface SeededStack {
  readonly regionId: string;
  readonly stackName: string;
  /** Default: a random UUID. */
  readonly stackId?: string;
  /** The template: JSON or YAML text, or a mapping (checked as CreateChangeSet checks one). */
  readonly template: string | Readonly<Record<string, unknown>>;
  /** A settled status; default CREATE_COMPLETE. */
  readonly status?: (typeof seededStatuses)[number];
  readonly statusReason?: string;
  /** Parameter values (declared ones without a Default must be given). */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** The `ros:` section of a seed file: what the ROS emulator holds when it starts and after a reset. */
export interface RosSeed {
  readonly stacks?: readonly SeededStack[];
}

/** Checks a `ros:` seed section (any value, e.g. parsed YAML): the typed seed, or every issue by path. */
export function checkRosSeed(value: unknown): SeedCheck<RosSeed> {
  return checkSeed<RosSeed>(rosSeedSchema, value);
}
