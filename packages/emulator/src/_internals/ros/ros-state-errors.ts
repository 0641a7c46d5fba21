import { RosError } from './ros-error.js';
import type { RosChangeSet, RosStack } from './ros-records.js';

/** Each error the state machine answers, made in one place (codes from the API pages, or noted emulator choices). */
export const rosStateErrors = {
  stackNotFound: (id: string) => new RosError('StackNotFound', 404, `The Stack (${id}) could not be found.`),
  changeSetNotFound: (id: string) => new RosError('ChangeSetNotFound', 404, `The ChangeSet ${id} could not be found.`),
  stackExists: (name: string) => new RosError('StackExists', 409, `The Stack (${name}) already exists.`),
  changeSetExists: (name: string, stack: RosStack) =>
    new RosError('ChangeSetExists', 409, `The ChangeSet (${name}) of Stack (${stack.name}) already exists.`),
  actionInProgress: (stack: RosStack) =>
    new RosError(
      'ActionInProgress',
      409,
      `Stack ${stack.name} already has an action (${stack.status.replace('_IN_PROGRESS', '')}) in progress.`,
    ),
  /** Emulator choice: the pages name no code for the 21st change set. */
  changeSetLimit: (stack: RosStack, held: number, limit: number) =>
    new RosError(
      'LimitExceeded.ChangeSet',
      400,
      `The Stack (${stack.name}) already holds ${held} change sets; a stack can contain up to ${limit} change sets.`,
    ),
  /** Emulator choice in the `LimitExceeded.*` family: the CreateStack page gives the limit (200 stacks), not its code. */
  stackLimit: (limit: number) =>
    new RosError(
      'LimitExceeded.Stack',
      400,
      `The number of stacks of the account has reached the limit of ${limit}; delete stacks that are no longer needed.`,
    ),
  /** Emulator choice (CloudFormation's code): the pages name none for a change set in the wrong status. */
  invalidChangeSetStatus: (changeSet: RosChangeSet, verb: 'executed' | 'deleted') =>
    new RosError(
      'InvalidChangeSetStatus',
      400,
      `The ChangeSet (${changeSet.id}) cannot be ${verb} in status ${changeSet.status}/${changeSet.executionStatus}.`,
    ),
  idempotentMismatch: () =>
    new RosError('IdempotentParameterMismatch', 409, 'The ClientToken was already used with different parameters.'),
  unknownParameter: (key: string) =>
    new RosError('UnknownUserParameter', 400, `The Parameter (${key}) was not defined in template.`),
  parameterMissing: (key: string) =>
    new RosError('UserParameterMissing', 400, `The Parameter ${key} was not provided.`),
  templateNotFound: (id: string, version: string | undefined) =>
    new RosError(
      'TemplateNotFound',
      404,
      version !== undefined
        ? `The Template ${id} with version ${version} could not be found.`
        : `The Template (${id}) could not be found.`,
    ),
  cancelNotSupported: (stack: RosStack) =>
    new RosError(
      'CancelUpdateStackNotSupported',
      400,
      `Stack ${stack.name} is ${stack.status}; only a stack in UPDATE_IN_PROGRESS can be cancelled.`,
    ),
};
