import { z } from 'zod';
import type { FaultRule } from '../../shared/fault-injector.js';
import type { SeedIssue } from '../../shared/seed-issue.js';
import { checkSeed } from './check-seed.js';
import type { JsonAnswer } from './json-answer.js';

/** The reserved path prefix of the control API on every emulator's own port (no service path starts so). */
export const controlPathPrefix = '/_emulator/';

/** What a service gives the control routes; the same object backs the running emulator's `control` methods. */
export interface ControlEndpoints {
  /** Checks a `POST /_emulator/failures` body and scripts the failure: every issue, or none once scripted. */
  failNext(body: unknown): readonly SeedIssue[];
  addFault(rule: FaultRule): void;
  reset(): void;
  state(): unknown;
}

const faultRuleSchema = z.strictObject({
  kind: z.enum(['throttle', 'server-error', 'slow', 'drop']),
  operation: z.string().min(1).optional(),
  count: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  status: z.union([z.literal(500), z.literal(503)]).optional(),
  after: z.boolean().optional(),
});

const answer = (status: number, body: unknown): JsonAnswer => ({ status, body });
const refused = (issues: readonly SeedIssue[]) => answer(400, { message: 'invalid control request', issues });

/**
 * The control API, unsigned JSON on the emulator's own port: `POST /_emulator/failures`,
 * `POST /_emulator/faults` (a FaultRule), `POST /_emulator/reset`, `GET /_emulator/state`.
 * 400 with `issues` (path, message) for a body it cannot use, 404 for any other path.
 */
export function answerControl(method: string, target: string, body: Buffer, control: ControlEndpoints): JsonAnswer {
  const path = new URL(target, 'http://emulator').pathname.slice(controlPathPrefix.length);
  const route = `${method} ${path}`;
  if (route === 'GET state') return answer(200, control.state());
  if (route === 'POST reset') {
    control.reset();
    return answer(200, {});
  }
  if (route !== 'POST failures' && route !== 'POST faults') {
    return answer(404, { message: `no control operation at ${method} ${controlPathPrefix}${path}` });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return refused([{ path: '', message: 'the body must be JSON' }]);
  }
  if (route === 'POST failures') {
    const issues = control.failNext(json);
    return issues.length > 0 ? refused(issues) : answer(200, {});
  }
  const fault = checkSeed(faultRuleSchema, json);
  if (!fault.ok) return refused(fault.issues);
  control.addFault(fault.seed as FaultRule);
  return answer(200, {});
}
