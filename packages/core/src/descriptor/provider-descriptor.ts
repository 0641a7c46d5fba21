import type { ProviderRuntime } from './provider-runtime.js';

/** One command-line option a provider takes, with the environment variable that stands in for it. */
export interface DescriptorOption {
  /** Key the runtime reads it by (`endpoint`). */
  readonly key: string;
  /** Commander syntax (`--ros-endpoint <url>`). */
  readonly flag: string;
  readonly description: string;
  /** Environment variable read when the flag is absent. */
  readonly env?: string;
}

/**
 * What a command line needs to drive one provider, without loading its SDK: enough for `--help`, flag
 * parsing and completion. Everything heavy (plan-section schema, request building, connections, the
 * provider itself, its emulator) comes from {@link ProviderDescriptor.load}, called only when a run uses it.
 */
export interface ProviderDescriptor<Section = unknown, Request = unknown> {
  /** The provider id its change sets and refs carry (`alibaba-ros`). */
  readonly id: string;
  /** The plan file's key for this provider's section (`ros`). */
  readonly planSection: string;
  /** How people call the provider (`Alibaba Cloud ROS`). */
  readonly title: string;
  readonly options: readonly DescriptorOption[];
  /** Where credentials and region come from, one line each, for `--help`. */
  readonly credentialSources: readonly string[];
  /** Loads the heavy half (schema, targets, connections, emulator) when a run uses the provider. */
  load(): Promise<ProviderRuntime<Section, Request>>;
}
