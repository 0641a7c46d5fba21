import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { identityOf } from '../../auth/request-identity.js';
import { targetsOutsideScopes } from '../../auth/scope.js';
import type { CheckedPlan, PlanProblem } from '../../plan-runner.js';
import { type ApiError, apiError, sendError, storeUnavailable } from '../api-error.js';
import { errorBodySchema, runAcceptedSchema, submitHeadersSchema } from '../api-schemas.js';
import type { HostDeps } from '../host-deps.js';
import { recordAudit } from '../record-audit.js';
import { planDocumentSchema, planMediaTypes, planMediaTypesText, planTextParser } from './plan-body.js';

// Rules of the plan loader for a document that cannot be read at all (400); schema issues are 422.
const unreadableRules = new Set(['max_bytes', 'max_depth', 'max_aliases', 'duplicate_key', 'unknown_tag', 'syntax']);

function planInvalid(problems: readonly PlanProblem[]): ApiError {
  const unreadable = problems.some((problem) => !problem.rule || unreadableRules.has(problem.rule));
  const issues = problems
    .slice(0, 100)
    .map(({ path, message, rule }) => ({ path, message, ...(rule ? { rule } : {}) }));
  const first = issues[0]?.message ?? 'the plan is not valid';
  return apiError(unreadable ? 400 : 422, 'plan-invalid', `the plan is not valid: ${first}`, { issues });
}

/** Whether the plan was refused (403 sent): a reply is thenable, so helpers say what they did, not return it. */
async function refusedOutsideScopes(
  deps: HostDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  plan: CheckedPlan,
): Promise<boolean> {
  const identity = identityOf(request);
  const outside = targetsOutsideScopes(identity.scopes, plan.targets);
  if (outside.length === 0) return false;
  const named = outside.map((target) => `${target.provider}:${target.target}`);
  await recordAudit(deps.store, request, {
    actor: identity.name,
    tenant: identity.tenant,
    action: 'auth-refused',
    detail: { reason: 'targets outside the token scopes', targets: named },
  });
  const listed =
    named.length > 20 ? `${named.slice(0, 20).join(', ')} and ${named.length - 20} more` : named.join(', ');
  sendError(
    reply,
    apiError(403, 'forbidden', `the token's scopes do not cover: ${listed}`, { targets: outside.slice(0, 1_000) }),
  );
  return true;
}

/** POST /v1/runs: checks the plan, refuses targets outside the token's scopes, then queues it. */
export const submitRunRoute: FastifyPluginAsyncZod<HostDeps> = async (app, deps) => {
  // Only this route reads plans, as text: the runner parses them itself, with the plan loader's limits.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    [...planMediaTypes],
    { parseAs: 'string', bodyLimit: deps.limits.bodyBytes },
    planTextParser,
  );
  app.post(
    '/runs',
    {
      schema: {
        summary: 'Submit a plan',
        description: `The body is a plan document (docs/plan-file.md) as ${planMediaTypesText}.`,
        consumes: [...planMediaTypes],
        headers: submitHeadersSchema,
        body: planDocumentSchema,
        response: { 202: runAcceptedSchema, '4xx': errorBodySchema },
      },
    },
    async (request, reply) => {
      if (typeof request.body !== 'string') {
        return sendError(reply, apiError(415, 'unsupported-media-type', `send the plan as ${planMediaTypesText}`));
      }
      const format = /yaml/i.test(request.headers['content-type'] ?? '') ? 'yaml' : 'json';
      const checked = await deps.runner.check(request.body, format);
      if (checked.isErr()) return sendError(reply, planInvalid(checked.error));
      if (await refusedOutsideScopes(deps, request, reply, checked.value)) return reply;
      const identity = identityOf(request);
      const idempotencyKey = request.headers['idempotency-key'];
      const submitted = await deps.store.submit({ identity, plan: checked.value, idempotencyKey });
      if (submitted.isErr()) {
        if (submitted.error.kind === 'store') return storeUnavailable(reply, submitted.error);
        return sendError(reply, apiError(422, 'idempotency-conflict', submitted.error.message));
      }
      // The store writes the `submitted` audit row with the run, in one transaction.
      const { run } = submitted.value;
      reply.header('location', `/v1/runs/${run.id}`);
      return reply.code(202).send({ id: run.id, state: run.state, position: run.position });
    },
  );
};
