import type * as RosSdk from '@alicloud/ros20190910';
import type { RetryPolicy, WaiterPolicy } from '@changeplane/core';
import type { SecretRedactor } from '@changeplane/core/adapter';
import type { ServiceIdentifier } from 'inversify';

/**
 * `@alicloud/ros20190910` is CommonJS with `exports.default = Client`. Under `node16`/`nodenext` its default
 * import is the whole module (the class is `.default`); under `bundler` it is the class itself. Naming the
 * class through the namespace and unwrapping one `default` keeps the emitted declaration exact in every mode.
 */
type RosClientClass = typeof RosSdk extends { readonly default: infer D }
  ? D extends { readonly default: infer C }
    ? C
    : D
  : never;

/** The official `@alicloud/ros20190910` client (an instance of its default-exported `Client` class). */
export type RosClient = RosClientClass extends abstract new (...args: never) => infer Instance ? Instance : never;

/** Options of {@link RosProvider}: a ready client or region, endpoint and credentials, plus retry and wait policies. */
export interface RosProviderOptions {
  /** The caller's ready SDK client (the caller keeps control of credentials and endpoint). */
  readonly client?: RosClient;
  /** Without a client: region, endpoint and credentials (else @alicloud/credentials' default chain). */
  readonly regionId?: string;
  /**
   * An http(s) URL (`https://ros.aliyuncs.com`, an emulator's `http://127.0.0.1:PORT`) or `host[:port]`
   * (then `protocol`, default https). Anything else is refused when the provider is built. Default
   * `https://ros.aliyuncs.com`.
   */
  readonly endpoint?: string;
  /** For a `host[:port]` endpoint; with a URL it may only repeat the URL's scheme. */
  readonly protocol?: 'http' | 'https';
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly securityToken?: string;
  };
  /**
   * Masks credentials in this provider's errors as they are made. Default: `rosSecretRedactor` of these
   * credentials and the client's credential client (resolved on the first failed call), plus Alibaba key ids.
   */
  readonly redactor?: SecretRedactor;
  /** Connect and read timeout in ms (the SDK's default is 3 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly waiter?: Partial<WaiterPolicy>;
  /** A stack holds at most 20 change sets; opt in to delete the oldest unexecuted ones to make room. */
  readonly changeSetLimit?: { readonly deleteOldestUnexecuted?: boolean };
}

/** The inversify token rosModule binds the options to. */
export const RosProviderOptionsToken: ServiceIdentifier<RosProviderOptions> = Symbol.for(
  'changeplane.RosProviderOptions',
);
