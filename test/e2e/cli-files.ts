import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { type CommandResult, runChangeplane } from './run-changeplane.js';

export const stateFile = () => join(mkdtempSync(join(tmpdir(), 'changeplane-state-')), 'state.json');

export const byType = (events: Record<string, unknown>[], type: string) =>
  events.filter((event) => event.type === type);

/**
 * A home folder with credentials only where people keep them: `~/.aws/credentials` and `~/.aws/config`
 * (whose `endpoint_url` points the AWS SDK at the Marketplace emulator), and `~/.alibabacloud/credentials`.
 */
export function homeWithCredentialFiles(environment: Record<string, string>): string {
  const home = mkdtempSync(join(tmpdir(), 'changeplane-home-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(
    join(home, '.aws', 'credentials'),
    `[default]\naws_access_key_id = ${environment.AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${environment.AWS_SECRET_ACCESS_KEY}\n`,
  );
  writeFileSync(
    join(home, '.aws', 'config'),
    `[default]\nregion = us-east-1\nendpoint_url = ${environment.CHANGEPLANE_MARKETPLACE_ENDPOINT}\n`,
  );
  mkdirSync(join(home, '.alibabacloud'));
  writeFileSync(
    join(home, '.alibabacloud', 'credentials'),
    `[default]\ntype = access_key\naccess_key_id = ${environment.ALIBABA_CLOUD_ACCESS_KEY_ID}\naccess_key_secret = ${environment.ALIBABA_CLOUD_ACCESS_KEY_SECRET}\n`,
  );
  return home;
}

/** A plan file in a temporary folder. */
export function writePlan(text: string, name = 'plan.yaml'): string {
  const file = join(mkdtempSync(join(tmpdir(), 'changeplane-plan-')), name);
  writeFileSync(file, text);
  return file;
}

/** How a plan is run: `apply --json --yes --emulators --emulator-speed fast --state <fresh>` unless told otherwise. */
export interface PlanRun {
  /** `plan` previews; `apply` (the default) starts. */
  readonly command?: 'apply' | 'plan';
  /** One JSON event per line (default); false for the human output. */
  readonly json?: boolean;
  /** `--yes`: default for `apply`. */
  readonly yes?: boolean;
  /** `--emulators` (default); false to reach providers through flags, files and the environment. */
  readonly emulators?: boolean;
  readonly speed?: 'demo' | 'fast' | 'slow';
  /** The state file; a fresh one when omitted. */
  readonly state?: string;
  /** Any other flags (`--detach`, `--store <url>`). */
  readonly flags?: readonly string[];
}

/** The command line of a {@link PlanRun}. */
export function planArgs(plan: string, run: PlanRun = {}): string[] {
  const command = run.command ?? 'apply';
  return [
    command,
    plan,
    ...(run.json === false ? [] : ['--json']),
    ...((run.yes ?? command === 'apply') ? ['--yes'] : []),
    ...(run.emulators === false ? [] : ['--emulators']),
    ...['--emulator-speed', run.speed ?? 'fast'],
    ...(run.flags ?? []),
    ...['--state', run.state ?? stateFile()],
  ];
}

/** Runs the built binary on a plan (see {@link PlanRun}). */
export const runPlan = (plan: string, run: PlanRun = {}, env: NodeJS.ProcessEnv = {}) =>
  runChangeplane(planArgs(plan, run), env);

export interface RunFinished {
  readonly exitCode: number;
  readonly reason: string;
  readonly emulatorRun?: boolean;
  readonly summary: readonly { task: string; status: string; changeSetId?: string; detail?: string }[];
}

export const finishedOf = (events: Record<string, unknown>[]) =>
  byType(events, 'run-finished')[0] as unknown as RunFinished;

/** Asserts the exit code and that `run-finished` says the same; returns `run-finished`. */
export function expectFinished(result: CommandResult, exitCode: number): RunFinished {
  expect(result.code).toBe(exitCode);
  const finished = finishedOf(result.events);
  expect(finished.exitCode).toBe(exitCode);
  return finished;
}

/** Each task's status in the summary, by task. */
export const statusByTask = (finished: RunFinished) =>
  Object.fromEntries(finished.summary.map((row) => [row.task, row.status]));
