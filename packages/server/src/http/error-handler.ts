import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { apiError, sendError } from './api-error.js';

// Fastify's own request errors, by code: their messages name the request's fault and nothing inside.
const requestErrors: Readonly<Record<string, { status: number; error: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported-media-type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'bad-request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'bad-request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'bad-request' },
  FST_ERR_BAD_URL: { status: 400, error: 'bad-request' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, error: 'bad-request' },
};

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'the request does not match the API';
  const where = first.instancePath ? `${error.validationContext ?? 'request'}${first.instancePath}` : 'request';
  return `${where.replaceAll('/', '.')}: ${first.message ?? 'is not valid'}`;
}

/**
 * Every error is JSON `{ error, message }`. A fault of the request keeps its 4xx; anything unexpected is a 500
 * with a generic message, logged with its stack, never shown.
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, apiError(404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return sendError(reply, apiError(400, 'bad-request', describeValidation(error)));
    }
    const known = error.code ? requestErrors[error.code] : undefined;
    if (known) return sendError(reply, apiError(known.status, known.error, error.message));
    // A JSON body that does not parse (secure-json-parse's SyntaxError) or other client faults Fastify flags.
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendError(reply, apiError(error.statusCode ?? 400, 'bad-request', 'the request body could not be read'));
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, apiError(500, 'internal', 'the server failed to answer; the error is logged'));
  });
}
