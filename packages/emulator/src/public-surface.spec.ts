import { describe, expect, it } from 'vitest';
import { publicSurfaceOf } from '../../../test/support/public-surface.js';

// Each entry point is the package's whole public surface there: a name added or dropped is a deliberate API change.
describe('public surface', () => {
  it('the index exports exactly these values and types', { timeout: 60_000 }, () => {
    expect(publicSurfaceOf(new URL('./index.ts', import.meta.url))).toEqual({
      values: [
        'FaultInjector',
        'InvalidSeedError',
        'checkMarketplaceSeed',
        'checkRosSeed',
        'defaultMarketplaceCredentials',
        'defaultRosCredentials',
        'documentedOpenChangeSetsPerAccount',
        'documentedRates',
        'startMarketplaceEmulator',
        'startRosEmulator',
      ],
      types: [
        'ChangeSetInspection',
        'EmulatorControl',
        'EmulatorServerOptions',
        'EntityInspection',
        'Fault',
        'FaultKind',
        'FaultRule',
        'MarketplaceCredentials',
        'MarketplaceEmulatorControl',
        'MarketplaceEmulatorOptions',
        'MarketplaceEmulatorState',
        'MarketplaceFailureRule',
        'MarketplaceOperation',
        'MarketplaceSeed',
        'RosChangeSetInspection',
        'RosCredentials',
        'RosEmulatorControl',
        'RosEmulatorOptions',
        'RosEmulatorState',
        'RosFailureRule',
        'RosSeed',
        'RosStackInspection',
        'RunningMarketplaceEmulator',
        'RunningRosEmulator',
        'RunningServiceEmulator',
        'SeedCheck',
        'SeedIssue',
        'SeededEntity',
        'SeededStack',
      ],
    });
  });
});
