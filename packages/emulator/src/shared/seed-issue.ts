/** One thing wrong with an emulator's seed, named by its path inside the seed (`entities[0].type`). */
export interface SeedIssue {
  readonly path: string;
  readonly message: string;
}

/** What a seed check gives: the seed, or every issue at once. */
export type SeedCheck<Seed> =
  | { readonly ok: true; readonly seed: Seed }
  | { readonly ok: false; readonly issues: readonly SeedIssue[] };

/** What `start*Emulator` rejects with when its `seed` is wrong (check it first with the service's `check*Seed`). */
export class InvalidSeedError extends Error {
  override readonly name = 'InvalidSeedError';

  constructor(readonly issues: readonly SeedIssue[]) {
    super(`invalid emulator seed: ${issues.map((issue) => `${issue.path || '(seed)'}: ${issue.message}`).join('; ')}`);
  }
}
