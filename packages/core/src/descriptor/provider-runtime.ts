import type { Result } from 'neverthrow';
import type { ZodType } from 'zod';
import type { ValidationIssue } from '../errors/validation-issue.js';
import type { EntityLockStore } from '../locks/entity-lock-store.js';
import type { MissingPackageError } from './missing-package-error.js';
import type { ConnectionRecord, ConnectionResolution, ProviderConnection } from './provider-connection.js';
import type { TargetPlan } from './run-target.js';

/** What a run needs of the plan around one section. */
export interface TargetContext {
  /** Short id of the run, for names the provider shows (`changeplane-1a2b3c4d`). */
  readonly runId: string;
  /** The plan's `name`, if it has one. */
  readonly planName?: string;
  /** Values of the descriptor's options, by key: the flag, else its environment variable. */
  readonly options: Readonly<Record<string, string | undefined>>;
}

/** Flags and environment a connection is resolved from. */
export interface ConnectionInput {
  /** Values of the descriptor's options, by key: the flag, else its environment variable. */
  readonly options: Readonly<Record<string, string | undefined>>;
  /** The plan's section for this provider, when a plan is being run (it may name a region or endpoint). */
  readonly section?: unknown;
  readonly env: NodeJS.ProcessEnv;
}

/** An emulator started for one run: where it listens and a provider that talks to it. */
export interface RunningEmulator<Request = unknown> {
  readonly connection: ProviderConnection<Request>;
  /**
   * The environment that points `changeplane` and the provider's SDK at it: the endpoint variable and the
   * emulator's test credentials (what `changeplane emulators` prints).
   */
  readonly environment: Readonly<Record<string, string>>;
  /** Stops the emulator. */
  close(): Promise<void>;
}

/** What a run shares with the providers it connects. */
export interface ProviderSetup {
  /** Where entity locks live (a shared store for bots on several machines); in-memory when omitted. */
  readonly lockStore?: EntityLockStore;
}

/** Emulator pace: seconds for people, milliseconds for tests, long enough to act on by hand. */
export type EmulatorSpeed = 'demo' | 'fast' | 'slow';

/** Where an emulator listens, and what its provider shares with the run. */
export interface EmulatorStartOptions extends ProviderSetup {
  /** Address to listen on (default `127.0.0.1`). */
  readonly host?: string;
  /** Port to listen on (default 0: any free port). */
  readonly port?: number;
  /**
   * The emulator's section of a seed file (`changeplane emulators --seed`), passed as is: the emulator checks it
   * and refuses it with every issue named by its path.
   */
  readonly seed?: unknown;
}

/** The loaded part of a {@link ProviderDescriptor}. */
export interface ProviderRuntime<Section = unknown, Request = unknown> {
  /** The plan file's section for this provider. */
  readonly sectionSchema: ZodType<Section>;
  /**
   * Turns a checked section into change sets to run, each checked by the provider's own local rules.
   * Issue paths are plan-file paths relative to the section (`stacks[0].template`).
   */
  toTargets(section: Section, context: TargetContext): Result<TargetPlan<Request>, readonly ValidationIssue[]>;
  /** Finds credentials, region and endpoint through the flags, the plan and the SDK's standard chains. */
  resolveConnection(input: ConnectionInput): Promise<ConnectionResolution>;
  /** A provider for a resolved connection; credentials are read again from the standard chains. */
  connect(record: ConnectionRecord, setup?: ProviderSetup): Promise<ProviderConnection<Request>>;
  /**
   * Starts the provider's local emulator (on `host`/`port` when given) and connects to it; a
   * `MissingPackageError` when the emulator package (an optional peer dependency) is not installed.
   */
  startEmulator(
    speed: EmulatorSpeed,
    options?: EmulatorStartOptions,
  ): Promise<Result<RunningEmulator<Request>, MissingPackageError>>;
}
