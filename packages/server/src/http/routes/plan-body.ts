import type { FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The media types a plan may come as: JSON, or YAML by any of its usual names. */
export const planMediaTypes = ['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml'] as const;
export const planMediaTypesText = 'application/json or application/yaml (text/yaml)';

/** The plan document as the OpenAPI document shows it; Fastify hands the route its text, unparsed. */
export const planDocumentSchema = z.unknown().meta({
  title: 'PlanDocument',
  description: 'A plan file (docs/plan-file.md): `marketplace` and `ros` sections. Read by the plan loader.',
});

export function planTextParser(_request: FastifyRequest, body: string | Buffer, done: (e: null, b: string) => void) {
  done(null, typeof body === 'string' ? body : body.toString('utf8'));
}
