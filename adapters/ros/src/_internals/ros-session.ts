import type { SecretRedactor } from '@changeplane/core/adapter';
import type { RosClient, RosProviderOptions } from '../ros-provider-options.js';

/** What the operations of one ROS provider share: its client, options, redactor and default region. */
export interface RosSession {
  readonly client: RosClient;
  readonly options: RosProviderOptions;
  /** Masks this provider's credentials in every error it makes. */
  readonly redactor: SecretRedactor;
  /** The region of calls whose handle or ref names none (the client's region). */
  readonly regionId: string;
}

/** The region a call about this change set goes to: the one it was made in, else the client's. */
export function regionOf(session: Pick<RosSession, 'regionId'>, ref: { readonly region?: string }): string {
  return ref.region ?? session.regionId;
}
