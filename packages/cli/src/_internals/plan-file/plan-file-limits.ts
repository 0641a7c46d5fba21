/**
 * Bounds on what a plan file may be, checked before anything reads deeper: a plan is written by people
 * and bots, and a runaway generator must get a clear refusal, not a stack overflow or minutes of CPU.
 */
export const planFileLimits = {
  /** Bytes of the file: room for dozens of 512 KiB templates. */
  maxBytes: 16 * 1024 * 1024,
  /** Nesting of mappings and lists anywhere in the file; real templates and details stay under 20. */
  maxDepth: 100,
  /** YAML aliases, against alias bombs. */
  maxAliases: 1_000,
} as const;
