import type { FastifyReply } from 'fastify';
import type { StoreError } from '../host/host-store.js';
import type { ErrorBody } from './api-schemas.js';

/** An answer other than success: its status and the JSON body every error of the API has. */
export interface ApiError {
  readonly status: number;
  readonly body: ErrorBody;
}

export function apiError(status: number, error: string, message: string, extra: Partial<ErrorBody> = {}): ApiError {
  return { status, body: { error, message, ...extra } };
}

export function sendError(reply: FastifyReply, failure: ApiError): FastifyReply {
  return reply.code(failure.status).type('application/json; charset=utf-8').send(failure.body);
}

export const notFound = (what: string) => apiError(404, 'not-found', `${what} was not found`);

/** The store could not answer: the database is down or refused; its own message stays in the log. */
export function storeUnavailable(reply: FastifyReply, failure: StoreError): FastifyReply {
  reply.log.error({ err: failure.cause, message: failure.message }, 'host store failed');
  return sendError(reply, apiError(503, 'store-unavailable', 'the host store cannot answer now; try again'));
}
