/**
 * How fast the emulators move change sets along: seconds for people (`demo`), milliseconds for tests
 * (`fast`), and long enough to act on a running change set by hand (`slow`).
 */
export type EmulatorSpeed = 'demo' | 'fast' | 'slow';

export const emulatorTimings = {
  demo: { ros: { createMs: 1_200, executeMs: 2_500 }, marketplace: { preparingMs: 800, applyingMs: 1_600 } },
  slow: { ros: { createMs: 3_000, executeMs: 10_000 }, marketplace: { preparingMs: 10_000, applyingMs: 10_000 } },
  fast: { ros: { createMs: 60, executeMs: 120 }, marketplace: { preparingMs: 60, applyingMs: 120 } },
} as const;
