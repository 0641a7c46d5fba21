import { describe, expect, it } from 'vitest';
import { publicSurfaceOf } from '../../../test/support/public-surface.js';

// The index is the package's whole public surface: a name added or dropped is a deliberate API change.
describe('public surface', () => {
  it('the index exports exactly these values and types', { timeout: 60_000 }, () => {
    expect(publicSurfaceOf(new URL('./index.ts', import.meta.url))).toEqual({
      values: [
        'PostgresHostStore',
        'PostgresWorkers',
        'createServer',
        'openEmbeddedStore',
        'parseScope',
        'scopeAllows',
        'targetsOutsideScopes',
      ],
      types: [
        'AuditRow',
        'CheckedPlan',
        'CreateServerOptions',
        'EmbeddedStore',
        'EmbeddedStoreError',
        'HeldChangeSet',
        'HostServer',
        'HostStore',
        'HostWorkers',
        'Page',
        'PlanProblem',
        'PlanRunner',
        'PlanTarget',
        'PostgresHostStoreConnection',
        'PostgresHostStoreOptions',
        'PostgresWorkersOptions',
        'RunActionError',
        'RunState',
        'RunTaskView',
        'RunView',
        'RunnerContext',
        'RunnerEvent',
        'RunnerOutcome',
        'Scope',
        'ScopeError',
        'ServerLimits',
        'ServerOptionsError',
        'StoreError',
        'StoredEvent',
        'Submission',
        'SubmitError',
        'TokenIdentity',
        'TokenListing',
      ],
    });
  });
});
