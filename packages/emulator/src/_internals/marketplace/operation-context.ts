import type { CatalogState } from './catalog-state.js';

/** What an operation handler gets: the catalog, the caller's account, and the decoded request. */
export interface OperationContext {
  readonly state: CatalogState;
  readonly account: string;
  /** The URI query (DescribeChangeSet, CancelChangeSet, DescribeEntity take their input there). */
  readonly query: URLSearchParams;
  /** The JSON body (an empty object for GET and PATCH). */
  readonly body: Readonly<Record<string, unknown>>;
}
