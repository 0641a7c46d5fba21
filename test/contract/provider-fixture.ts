import type { ChangeSetProvider } from '@changeplane/core';

/**
 * What the provider contract suite needs from one adapter: a running emulator, providers wired to it, and
 * requests. Each adapter contributes one fixture in `fixtures/`; the suite runs every check against each.
 */
export interface ProviderFixture<Request = unknown> {
  /** Shown in test names: `alibaba-ros`, `aws-marketplace`. */
  readonly name: string;
  setUp(): Promise<ProviderFixtureContext<Request>>;
}

export interface ProviderFixtureContext<Request> {
  /** A provider wired to the running emulator. */
  readonly provider: ChangeSetProvider<Request>;
  /** A second, independent provider instance on the same emulator (as after a bot restart). */
  freshProvider(): ChangeSetProvider<Request>;
  /** A provider whose credentials the emulator refuses (wrong secret). */
  providerWithWrongSecret(): ChangeSetProvider<Request>;
  /** A valid request, different on every call, whose change set succeeds once started. */
  validRequest(): Promise<Request>;
  /** A valid request whose started change set runs long enough to be cancelled while it runs. */
  cancellableRequest(): Promise<Request>;
  /** A request that breaks at least two local rules. */
  invalidRequest(): Request;
  /** Every secret the emulator and providers use: none may appear in a serialized error. */
  readonly secrets: readonly string[];
  tearDown(): Promise<void>;
}

/** The secret of `providerWithWrongSecret`: no fixture's emulator accepts it, and no error may show it. */
export const wrongSecret = 'wrong-secret-for-contract-tests';

/** The three providers of a fixture, from one builder that takes the secret (the emulator's by default). */
export function providersFrom<Request>(
  build: (secret?: string) => ChangeSetProvider<Request>,
): Pick<ProviderFixtureContext<Request>, 'provider' | 'freshProvider' | 'providerWithWrongSecret'> {
  return { provider: build(), freshProvider: () => build(), providerWithWrongSecret: () => build(wrongSecret) };
}
