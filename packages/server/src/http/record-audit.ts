import type { FastifyRequest } from 'fastify';
import type { AuditRow, HostStore } from '../host/host-store.js';

/**
 * Appends an audit row for what a request did. The action already happened, so a failed write does not
 * undo it or fail the answer: it is logged for the operator.
 */
export async function recordAudit(
  store: HostStore,
  request: FastifyRequest,
  row: Omit<AuditRow, 'id' | 'at'>,
): Promise<void> {
  const written = await store.appendAudit(row);
  if (written.isErr())
    request.log.warn({ action: row.action, message: written.error.message }, 'audit row not written');
}
