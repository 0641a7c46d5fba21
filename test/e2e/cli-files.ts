import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fast = ['--emulator-speed', 'fast'];

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
