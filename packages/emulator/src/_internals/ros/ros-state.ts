import { createHash, randomUUID } from 'node:crypto';
import { ScheduledTransitions } from '../shared/scheduled-transitions.js';
import { checkCreateChangeSetRequest } from './create-change-set-rules.js';
import { RosError } from './ros-error.js';
import type { RosRequestParameters } from './ros-request-parameters.js';
import { parseRosTemplate, type RosTemplate } from './template/ros-template.js';
import { failsOnExecution, templateChanges } from './template/template-changes.js';
import { templateProblem } from './template/template-problem.js';

export interface RosTag {
  readonly Key: string;
  readonly Value?: string;
}

/** Where a stack's or change set's template came from (GetStack shows the source it was last given). */
export interface RosTemplateSource {
  readonly templateId?: string;
  readonly templateVersion?: string;
  readonly templateURL?: string;
  readonly templateScratchId?: string;
}

export interface RosStack {
  readonly id: string;
  readonly name: string;
  readonly regionId: string;
  status: string;
  statusReason?: string;
  template?: RosTemplate;
  templateBody?: string;
  templateSource: RosTemplateSource;
  parameters: Record<string, string>;
  readonly createTime: string;
  updateTime?: string;
  timeoutInMinutes: number;
  disableRollback: boolean;
  tags: RosTag[];
  notificationURLs: string[];
  ramRoleName?: string;
  readonly resourceGroupId: string;
  parallelism?: number;
  /** Why the last operation failed (GetStack's OperationInfo), while it stands. */
  operationInfo?: Record<string, string> | undefined;
}

export interface RosChangeSet {
  readonly id: string;
  readonly name: string;
  readonly stackId: string;
  readonly type: 'CREATE' | 'UPDATE' | 'IMPORT';
  readonly regionId: string;
  status: string;
  executionStatus: string;
  statusReason?: string;
  changes: unknown[];
  readonly template: RosTemplate;
  readonly templateBody: string;
  readonly parameters: Record<string, string>;
  readonly createTime: string;
  readonly description?: string;
  readonly timeoutInMinutes?: number;
  readonly disableRollback: boolean;
  readonly tags: RosTag[];
  readonly notificationURLs: string[];
  readonly ramRoleName?: string;
  readonly resourceGroupId: string;
  readonly templateSource: RosTemplateSource;
  readonly parallelism?: number;
  executeToken?: string;
}

/** The resource group a stack joins when CreateChangeSet names none (the account's default group). */
const defaultResourceGroupId = 'rg-acfmemulatordefault';

/** A parameter's Default as the text a caller would have sent: lists comma-joined, Json as JSON. */
function defaultText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const rosTime = () => new Date().toISOString().replace(/\.\d{3}Z$/, '');
const busy = (status: string) => status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS';
const live = (changeSet: RosChangeSet) => changeSet.status !== 'DELETE_COMPLETE';

/**
 * Stacks and change sets of one ROS emulator, with the state machine of the CreateChangeSet and
 * ExecuteChangeSet pages. Every check-and-change happens synchronously, so concurrent calls cannot race.
 */
export class RosState {
  readonly stacks = new Map<string, RosStack>();
  readonly changeSets = new Map<string, RosChangeSet>();
  /** The latest stack made under each name (at most one of them is live: a live name cannot be taken again). */
  readonly #stackNamed = new Map<string, RosStack>();
  /** Every change set of each stack, deleted ones too: per-stack checks read these, not every change set. */
  readonly #changeSetsOfStack = new Map<string, RosChangeSet[]>();
  readonly #createTokens = new Map<string, { fingerprint: string; changeSetId: string; stackId: string }>();
  readonly #transitions = new ScheduledTransitions();

  constructor(
    readonly timing: { createMs: number; executeMs: number },
    readonly changeSetsPerStack: number,
    readonly templates: Readonly<Record<string, string>>,
  ) {}

  createChangeSet(params: RosRequestParameters): { changeSetId: string; stackId: string } {
    checkCreateChangeSetRequest(params);
    const token = params.get('ClientToken');
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          ...['ChangeSetName', 'StackName', 'StackId', 'TemplateBody', 'TemplateURL', 'TemplateId'].map((name) =>
            params.get(name),
          ),
          params.objects('Parameters'),
        ]),
      )
      .digest('hex');
    if (token) {
      const seen = this.#createTokens.get(token);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new RosError(
            'IdempotentParameterMismatch',
            409,
            'The ClientToken was already used with different parameters.',
          );
        }
        return { changeSetId: seen.changeSetId, stackId: seen.stackId };
      }
    }
    const type = (params.get('ChangeSetType') ?? 'UPDATE') as RosChangeSet['type'];
    const regionId = params.get('RegionId')!;
    const body = this.#templateBody(params);
    const template = parseRosTemplate(body);

    let stack: RosStack | undefined;
    // StackId takes effect only with UPDATE or IMPORT (ignored for CREATE).
    const stackId = type === 'CREATE' ? undefined : params.get('StackId');
    if (stackId) {
      stack = this.stacks.get(stackId);
      if (!stack || stack.status === 'DELETE_COMPLETE')
        throw new RosError('StackNotFound', 404, `The Stack (${stackId}) could not be found.`);
    } else {
      const name = params.get('StackName')!;
      const named = this.#stackNamed.get(name);
      const existing = named && named.status !== 'DELETE_COMPLETE' ? named : undefined;
      if (existing && type === 'CREATE') throw new RosError('StackExists', 409, `The Stack (${name}) already exists.`);
      stack = existing;
    }
    if (stack && busy(stack.status)) {
      throw new RosError(
        'ActionInProgress',
        409,
        `Stack ${stack.name} already has an action (${stack.status.replace('_IN_PROGRESS', '')}) in progress.`,
      );
    }

    // Parameters: declared ones only; declared ones without a default must be given (or kept from before).
    const given = Object.fromEntries(
      params.objects('Parameters').map((entry) => [entry.ParameterKey!, entry.ParameterValue!]),
    );
    const declared = template.Parameters ?? {};
    for (const key of Object.keys(given)) {
      if (!(key in declared))
        throw new RosError('UnknownUserParameter', 400, `The Parameter (${key}) was not defined in template.`);
    }
    const usePrevious = params.boolean('UsePreviousParameters') && stack !== undefined;
    const parameters: Record<string, string> = {};
    for (const [key, definition] of Object.entries(declared)) {
      const value =
        given[key] ?? (usePrevious ? stack?.parameters[key] : undefined) ?? defaultText(definition?.Default);
      if (value === undefined)
        throw new RosError('UserParameterMissing', 400, `The Parameter ${key} was not provided.`);
      parameters[key] = value;
    }

    const name = params.get('ChangeSetName')!;
    if (stack) {
      const onStack = this.#changeSetsOn(stack.id).filter(live);
      if (onStack.some((changeSet) => changeSet.name === name)) {
        throw new RosError('ChangeSetExists', 409, `The ChangeSet (${name}) of Stack (${stack.name}) already exists.`);
      }
      if (onStack.length >= this.changeSetsPerStack) {
        throw new RosError(
          'LimitExceeded.ChangeSet',
          400,
          `The Stack (${stack.name}) already holds ${onStack.length} change sets; a stack can contain up to ${this.changeSetsPerStack} change sets.`,
        );
      }
    } else {
      stack = {
        id: randomUUID(),
        name: params.get('StackName')!,
        regionId,
        status: 'REVIEW_IN_PROGRESS',
        parameters: {},
        templateSource: {},
        createTime: rosTime(),
        timeoutInMinutes: params.integer('TimeoutInMinutes') ?? 60,
        disableRollback: params.boolean('DisableRollback') ?? false,
        tags: [],
        notificationURLs: [],
        resourceGroupId: params.get('ResourceGroupId') ?? defaultResourceGroupId,
      };
      this.stacks.set(stack.id, stack);
      this.#stackNamed.set(stack.name, stack);
    }
    const tags = params.objects('Tags').map((tag) => ({
      Key: tag.Key!,
      ...(tag.Value !== undefined ? { Value: tag.Value } : {}),
    }));
    const templateSource: RosTemplateSource = {
      ...(params.has('TemplateId') ? { templateId: params.get('TemplateId')! } : {}),
      // TemplateVersion takes effect only with TemplateId.
      ...(params.has('TemplateId') && params.has('TemplateVersion')
        ? { templateVersion: params.get('TemplateVersion')! }
        : {}),
      ...(params.has('TemplateURL') ? { templateURL: params.get('TemplateURL')! } : {}),
      ...(type === 'IMPORT' && params.has('TemplateScratchId')
        ? { templateScratchId: params.get('TemplateScratchId')! }
        : {}),
    };
    // Parallelism takes effect only with CREATE or UPDATE; DisableRollback only with CREATE or IMPORT.
    const parallelism = type === 'IMPORT' ? undefined : params.integer('Parallelism');
    const disableRollback =
      type === 'UPDATE' ? stack.disableRollback : (params.boolean('DisableRollback') ?? stack.disableRollback);

    const changeSet: RosChangeSet = {
      id: randomUUID(),
      name,
      stackId: stack.id,
      type,
      regionId,
      status: 'CREATE_PENDING',
      executionStatus: 'UNAVAILABLE',
      changes: [],
      template,
      templateBody: body,
      parameters,
      createTime: rosTime(),
      ...(params.get('Description') ? { description: params.get('Description')! } : {}),
      ...(params.has('TimeoutInMinutes') ? { timeoutInMinutes: params.integer('TimeoutInMinutes')! } : {}),
      disableRollback,
      tags,
      notificationURLs: params.strings('NotificationURLs'),
      ...(params.has('RamRoleName') ? { ramRoleName: params.get('RamRoleName')! } : {}),
      resourceGroupId: params.get('ResourceGroupId') ?? stack.resourceGroupId,
      templateSource,
      ...(parallelism !== undefined ? { parallelism } : {}),
    };
    this.changeSets.set(changeSet.id, changeSet);
    const ofStack = this.#changeSetsOfStack.get(stack.id);
    if (ofStack) ofStack.push(changeSet);
    else this.#changeSetsOfStack.set(stack.id, [changeSet]);
    if (token) this.#createTokens.set(token, { fingerprint, changeSetId: changeSet.id, stackId: stack.id });
    const target = stack;
    this.#transitions.after(this.timing.createMs / 2, () => {
      if (changeSet.status === 'CREATE_PENDING') changeSet.status = 'CREATE_IN_PROGRESS';
      this.#transitions.after(this.timing.createMs / 2, () => this.#finishCreate(changeSet, target));
    });
    return { changeSetId: changeSet.id, stackId: stack.id };
  }

  executeChangeSet(params: RosRequestParameters): void {
    const changeSet = this.getChangeSet(params.get('ChangeSetId'));
    const token = params.get('ClientToken');
    if (token !== undefined && (token.length > 64 || !/^[A-Za-z0-9_-]+$/.test(token))) {
      throw RosError.invalid('ClientToken', 'up to 64 letters, digits, hyphens and underscores');
    }
    // The same token again: the execution already happened, answer as the first time.
    if (token && changeSet.executeToken === token) return;
    const stack = this.stacks.get(changeSet.stackId)!;
    if (busy(stack.status)) {
      throw new RosError(
        'ActionInProgress',
        409,
        `Stack ${stack.name} already has an action (${stack.status.replace('_IN_PROGRESS', '')}) in progress.`,
      );
    }
    if (changeSet.status !== 'CREATE_COMPLETE' || changeSet.executionStatus !== 'AVAILABLE') {
      throw new RosError(
        'InvalidChangeSetStatus',
        400,
        `The ChangeSet (${changeSet.id}) cannot be executed in status ${changeSet.status}/${changeSet.executionStatus}.`,
      );
    }
    if (token) changeSet.executeToken = token;
    changeSet.executionStatus = 'EXECUTE_IN_PROGRESS';
    const action = changeSet.type === 'UPDATE' ? 'UPDATE' : changeSet.type === 'IMPORT' ? 'IMPORT' : 'CREATE';
    stack.status = `${action}_IN_PROGRESS`;
    for (const other of this.#changeSetsOn(stack.id)) {
      if (other.id !== changeSet.id && live(other)) other.executionStatus = 'OBSOLETE';
    }
    this.#transitions.after(this.timing.executeMs, () => {
      if (stack.status !== `${action}_IN_PROGRESS`) return; // cancelled meanwhile
      const failure = failsOnExecution(changeSet.template);
      stack.updateTime = rosTime();
      if (failure) {
        changeSet.executionStatus = 'EXECUTE_FAILED';
        stack.status =
          action === 'CREATE'
            ? changeSet.disableRollback
              ? 'CREATE_FAILED'
              : 'ROLLBACK_COMPLETE'
            : `${action}_FAILED`;
        stack.statusReason = failure.reason;
        stack.operationInfo = {
          Action: action === 'CREATE' ? 'Create' : action === 'UPDATE' ? 'Update' : 'Import',
          Code: 'EmulatedFailure',
          LogicalResourceId: failure.logicalResourceId,
          Message: failure.reason,
          ResourceType: failure.resourceType,
          RequestId: randomUUID().toUpperCase(),
        };
        return;
      }
      changeSet.executionStatus = 'EXECUTE_COMPLETE';
      stack.operationInfo = undefined;
      stack.status = `${action}_COMPLETE`;
      stack.statusReason = `Stack ${action} completed successfully`;
      stack.template = changeSet.template;
      stack.templateBody = changeSet.templateBody;
      stack.templateSource = changeSet.templateSource;
      stack.parameters = changeSet.parameters;
      stack.disableRollback = changeSet.disableRollback;
      if (changeSet.timeoutInMinutes !== undefined) stack.timeoutInMinutes = changeSet.timeoutInMinutes;
      // An update keeps what it does not give again; tags, notification URLs and the role given replace the old.
      if (changeSet.tags.length > 0 || action === 'CREATE') stack.tags = changeSet.tags;
      if (changeSet.notificationURLs.length > 0 || action === 'CREATE')
        stack.notificationURLs = changeSet.notificationURLs;
      if (changeSet.ramRoleName !== undefined) stack.ramRoleName = changeSet.ramRoleName;
      if (changeSet.parallelism !== undefined) stack.parallelism = changeSet.parallelism;
    });
  }

  getChangeSet(id: string | undefined): RosChangeSet {
    const changeSet = id ? this.changeSets.get(id) : undefined;
    if (!changeSet) throw new RosError('ChangeSetNotFound', 404, `The ChangeSet ${id ?? ''} could not be found.`);
    return changeSet;
  }

  getStack(id: string | undefined): RosStack {
    const stack = id ? this.stacks.get(id) : undefined;
    if (!stack) throw new RosError('StackNotFound', 404, `The Stack (${id ?? ''}) could not be found.`);
    return stack;
  }

  deleteChangeSet(id: string | undefined): void {
    const changeSet = this.getChangeSet(id);
    const deletable =
      ['CREATE_COMPLETE', 'CREATE_FAILED', 'DELETE_FAILED'].includes(changeSet.status) &&
      ['UNAVAILABLE', 'AVAILABLE'].includes(changeSet.executionStatus);
    if (!deletable) {
      throw new RosError(
        'InvalidChangeSetStatus',
        400,
        `The ChangeSet (${changeSet.id}) cannot be deleted in status ${changeSet.status}/${changeSet.executionStatus}.`,
      );
    }
    changeSet.status = 'DELETE_COMPLETE';
    const stack = this.stacks.get(changeSet.stackId)!;
    const remaining = this.#changeSetsOn(stack.id).filter(live);
    // A stack that only ever existed for review goes with its last change set.
    if (stack.status === 'REVIEW_IN_PROGRESS' && remaining.length === 0) stack.status = 'DELETE_COMPLETE';
  }

  /** DeleteStack for a stack that holds no resources yet (REVIEW_IN_PROGRESS) or has settled. */
  deleteStack(stackId: string | undefined): void {
    const stack = this.getStack(stackId);
    if (stack.status.endsWith('_IN_PROGRESS') && stack.status !== 'REVIEW_IN_PROGRESS') {
      throw new RosError(
        'ActionInProgress',
        409,
        `Stack ${stack.name} already has an action (${stack.status}) in progress.`,
      );
    }
    stack.status = 'DELETE_COMPLETE';
    for (const changeSet of this.#changeSetsOn(stack.id)) changeSet.status = 'DELETE_COMPLETE';
  }

  cancelUpdateStack(stackId: string | undefined): void {
    const stack = this.getStack(stackId);
    if (stack.status !== 'UPDATE_IN_PROGRESS') {
      throw new RosError(
        'CancelUpdateStackNotSupported',
        400,
        `Stack ${stack.name} is ${stack.status}; only a stack in UPDATE_IN_PROGRESS can be cancelled.`,
      );
    }
    stack.status = 'UPDATE_ROLLBACK_IN_PROGRESS';
    const executing = this.#changeSetsOn(stack.id).find(
      (changeSet) => changeSet.executionStatus === 'EXECUTE_IN_PROGRESS',
    );
    this.#transitions.after(Math.min(50, this.timing.executeMs), () => {
      stack.status = 'UPDATE_ROLLBACK_COMPLETE';
      stack.statusReason = 'Stack update cancelled by user.';
      stack.updateTime = rosTime();
      if (executing) executing.executionStatus = 'EXECUTE_FAILED';
    });
  }

  #changeSetsOn(stackId: string): readonly RosChangeSet[] {
    return this.#changeSetsOfStack.get(stackId) ?? [];
  }

  close(): void {
    this.#transitions.cancelAll();
  }

  #templateBody(params: RosRequestParameters): string {
    const body = params.get('TemplateBody');
    if (body !== undefined) return body;
    const id = params.get('TemplateId');
    if (id !== undefined) {
      const stored = this.templates[id];
      if (stored === undefined) {
        throw new RosError(
          'TemplateNotFound',
          404,
          params.has('TemplateVersion')
            ? `The Template ${id} with version ${params.get('TemplateVersion')} could not be found.`
            : `The Template (${id}) could not be found.`,
        );
      }
      return stored;
    }
    // An emulator cannot fetch a TemplateURL: it stands for an empty template.
    return JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01' });
  }

  #finishCreate(changeSet: RosChangeSet, stack: RosStack): void {
    if (changeSet.status !== 'CREATE_IN_PROGRESS') return;
    const problem = templateProblem(changeSet.template);
    if (problem) {
      changeSet.status = 'CREATE_FAILED';
      changeSet.statusReason = problem;
      return;
    }
    const parametersChanged = JSON.stringify(stack.parameters) !== JSON.stringify(changeSet.parameters);
    changeSet.changes = templateChanges(
      stack.template,
      changeSet.template,
      stack.template !== undefined && parametersChanged,
    );
    changeSet.status = 'CREATE_COMPLETE';
    if (changeSet.type === 'UPDATE' && changeSet.changes.length === 0 && !parametersChanged) {
      changeSet.statusReason = "The submitted information didn't contain changes.";
      return; // ExecutionStatus stays UNAVAILABLE: nothing to execute.
    }
    changeSet.executionStatus = 'AVAILABLE';
  }
}
