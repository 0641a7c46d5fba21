import type { JsonValue } from '../model/json-value.js';
import type { ChangeSetProvider } from '../provider/change-set-provider.js';

/**
 * How a provider was reached, as plain data without secrets: saved with a run so that `status` and
 * `cancel` reach the same endpoint, region and profile later.
 */
export interface ConnectionRecord {
  /** Where requests go (`https://ros.cn-hangzhou.aliyuncs.com`). */
  readonly endpoint: string;
  /** Where the credentials came from (`profile default in ~/.aws/credentials`), never the credentials. */
  readonly credentialSource: string;
  /** True for an embedded emulator: it stops with the command that started it. */
  readonly emulator: boolean;
  /** Provider-specific settings needed to connect again (region, profile). */
  readonly settings: Readonly<Record<string, JsonValue>>;
}

/** The outcome of looking for a way to reach a provider. */
export type ConnectionResolution =
  | { readonly found: true; readonly record: ConnectionRecord }
  /** Nothing configured anywhere; `searched` says where the runtime looked, for the message. */
  | { readonly found: false; readonly searched: readonly string[] }
  /** Something is configured but unusable (a profile that does not exist, a malformed endpoint). */
  | { readonly found: false; readonly problem: string; readonly searched: readonly string[] };

/** A connected provider and how it was reached. */
export interface ProviderConnection<Request = unknown> {
  readonly record: ConnectionRecord;
  readonly provider: ChangeSetProvider<Request>;
  /** Stops background work (watchers, sockets). */
  dispose(): Promise<void>;
}
