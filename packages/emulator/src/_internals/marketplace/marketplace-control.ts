import { z } from 'zod';
import type {
  MarketplaceEmulatorControl,
  MarketplaceEmulatorState,
  MarketplaceFailureRule,
} from '../../marketplace/marketplace-emulator-control.js';
import type { ChangeSetInspection } from '../../marketplace/running-marketplace-emulator.js';
import type { FaultInjector } from '../../shared/fault-injector.js';
import type { SeedIssue } from '../../shared/seed-issue.js';
import { checkSeed } from '../shared/check-seed.js';
import type { ControlEndpoints } from '../shared/control-routes.js';
import { revisionedIdentifier, type StoredChangeSet } from './catalog-records.js';
import type { CatalogState } from './catalog-state.js';

const failureRuleSchema = z.strictObject({
  entity: z
    .string()
    .regex(/^([\w-]+(@[\w.]+)?\/)?[\w-]+(@\d+)?$/, 'an entity such as SaaSProduct@1.0/prod-x or prod-x')
    .optional(),
  code: z.string().min(1).max(255),
  message: z.string().min(1).max(2048),
  phase: z.enum(['preparing', 'applying']).optional(),
  failureCode: z.enum(['CLIENT_ERROR', 'SERVER_FAULT']).optional(),
  times: z.number().int().min(1).optional(),
});

/** The Marketplace emulator's control: the running emulator's `control` methods and the HTTP routes behind them. */
export function marketplaceControl(
  state: CatalogState,
  faults: FaultInjector,
): ControlEndpoints & { readonly control: MarketplaceEmulatorControl } {
  /** Checks a rule and scripts it: every issue, or none once scripted. */
  const script = (rule: unknown): readonly SeedIssue[] => {
    const checked = checkSeed(failureRuleSchema, rule);
    if (!checked.ok) return checked.issues;
    state.failures.add(checked.seed as MarketplaceFailureRule);
    return [];
  };
  const control: MarketplaceEmulatorControl = {
    failNext: (rule) => {
      const issues = script(rule);
      if (issues.length > 0) {
        throw new RangeError(
          `invalid failure rule: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        );
      }
    },
    addFault: (rule) => faults.add(rule),
    reset: () => {
      faults.clear();
      state.reset();
    },
    state: (): MarketplaceEmulatorState => ({
      entities: state.entities.all().map((entity) => ({
        type: entity.type,
        identifier: revisionedIdentifier(entity),
        owner: entity.owner,
        arn: entity.arn,
        name: entity.name,
        tags: Object.fromEntries(entity.tags.map((tag) => [tag.Key, tag.Value])),
        hasPolicy: entity.policy !== undefined,
      })),
      changeSets: state.allChangeSets().map(inspectChangeSet),
      failures: state.failures.pending(),
      faults: faults.rules(),
    }),
  };
  return {
    control,
    failNext: script,
    addFault: control.addFault,
    reset: control.reset,
    state: control.state,
  };
}

/** What tests see of one change set (`changeSets()`, `GET /_emulator/state`). */
export function inspectChangeSet(changeSet: StoredChangeSet): ChangeSetInspection {
  return {
    changeSetId: changeSet.id,
    status: changeSet.status,
    intent: changeSet.intent,
    entityIds: [...new Set(changeSet.changes.map((change) => change.Entity.Identifier))],
    lockedEntityIds: [...changeSet.lockedEntities],
    ...(changeSet.clientRequestToken !== undefined ? { clientRequestToken: changeSet.clientRequestToken } : {}),
    startTime: changeSet.startTime,
    ...(changeSet.endTime !== undefined ? { endTime: changeSet.endTime } : {}),
    lockedFrom: changeSet.lockedFrom,
    ...(changeSet.lockedUntil !== undefined ? { lockedUntil: changeSet.lockedUntil } : {}),
  };
}
