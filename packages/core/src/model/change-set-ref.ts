/**
 * Everything needed to reach a change set again: plain, serializable data. A bot can store it, restart,
 * and hand it to a fresh provider instance.
 */
export interface ChangeSetRef {
  /** Provider id, such as `alibaba-ros` or `aws-marketplace`. */
  readonly provider: string;
  /** The provider's change-set id. */
  readonly changeSetId: string;
  readonly region?: string;
  readonly account?: string;
  /** Provider-specific identifiers (ROS stack id, Marketplace catalog and ARN). Strings only, to stay serializable. */
  readonly scope: Readonly<Record<string, string>>;
}
