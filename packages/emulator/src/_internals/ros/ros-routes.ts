import type { Route } from '../shared/route.js';
import { cancelUpdateStack } from './cancel-update-stack.js';
import { createChangeSet } from './create-change-set.js';
import { deleteChangeSet } from './delete-change-set.js';
import { deleteStack } from './delete-stack.js';
import { executeChangeSet } from './execute-change-set.js';
import { getChangeSet } from './get-change-set.js';
import { getStack } from './get-stack.js';
import { listChangeSets } from './list-change-sets.js';
import { listStacks } from './list-stacks.js';
import type { RosActionContext, RosAnswer } from './ros-action-context.js';

export type RosRoute = Route<RosActionContext, RosAnswer>;

/** The actions of ROS 2019-09-10 the emulator answers, by the `x-acs-action` header's value. */
export const rosRoutes: Readonly<Record<string, RosRoute>> = {
  CreateChangeSet: { operation: 'CreateChangeSet', handle: createChangeSet },
  ExecuteChangeSet: { operation: 'ExecuteChangeSet', handle: executeChangeSet },
  GetChangeSet: { operation: 'GetChangeSet', handle: getChangeSet },
  ListChangeSets: { operation: 'ListChangeSets', handle: listChangeSets },
  DeleteChangeSet: { operation: 'DeleteChangeSet', handle: deleteChangeSet },
  DeleteStack: { operation: 'DeleteStack', handle: deleteStack },
  GetStack: { operation: 'GetStack', handle: getStack },
  ListStacks: { operation: 'ListStacks', handle: listStacks },
  CancelUpdateStack: { operation: 'CancelUpdateStack', handle: cancelUpdateStack },
};
