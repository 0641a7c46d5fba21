import type { ProviderConnection, TargetPlan } from '@changeplane/core/adapter';
import type { LoadedProvider } from '../../providers/loaded-provider.js';

/** One provider's part of a run: its plan section turned into targets. */
export interface ProviderPlan extends LoadedProvider {
  readonly section: unknown;
  readonly plan: TargetPlan;
}

/** A provider's part of a run once it is connected. */
export interface ProviderRun extends ProviderPlan {
  readonly connection: ProviderConnection;
}
