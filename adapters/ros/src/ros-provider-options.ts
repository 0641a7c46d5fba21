import type ROS from '@alicloud/ros20190910';
import type { RetryPolicy, WaiterPolicy } from '@changeplane/core';
import type { ServiceIdentifier } from 'inversify';

export interface RosProviderOptions {
  /** The caller's ready SDK client (the caller keeps control of credentials and endpoint). */
  readonly client?: ROS.default;
  /** Without a client: region, endpoint (`host:port` or host) and credentials (else @alicloud/credentials' default chain). */
  readonly regionId?: string;
  readonly endpoint?: string;
  readonly protocol?: 'http' | 'https';
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly securityToken?: string;
  };
  /** Connect and read timeout in ms (the SDK's default is 3 s). */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly waiter?: Partial<WaiterPolicy>;
  /** A stack holds at most 20 change sets; opt in to delete the oldest unexecuted ones to make room. */
  readonly changeSetLimit?: { readonly deleteOldestUnexecuted?: boolean };
}

export const RosProviderOptionsToken: ServiceIdentifier<RosProviderOptions> = Symbol.for(
  'changeplane.RosProviderOptions',
);
