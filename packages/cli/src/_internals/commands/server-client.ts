import { type ChangeplaneClient, createClient } from '@changeplane/client';
import { err, ok, type Result } from 'neverthrow';

/** `--server` and `--token` of the commands that talk to a bot host. */
export interface ServerOptions {
  readonly server?: string;
  readonly token?: string;
}

/** The client for `--server` (else CHANGEPLANE_SERVER) with `--token` (else CHANGEPLANE_TOKEN); what is missing. */
export function serverClient(
  options: ServerOptions,
  env: NodeJS.ProcessEnv = process.env,
): Result<ChangeplaneClient, string> {
  const url = options.server ?? env.CHANGEPLANE_SERVER;
  if (!url) return err('--server <url> (or CHANGEPLANE_SERVER) names the bot host, as `changeplane serve` prints it');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    return err(`--server: ${url} is not an http(s) URL`);
  const token = options.token ?? env.CHANGEPLANE_TOKEN;
  if (!token) return err('--token <token> (or CHANGEPLANE_TOKEN) is needed: `changeplane token create` makes one');
  return ok(createClient({ url, token }));
}
