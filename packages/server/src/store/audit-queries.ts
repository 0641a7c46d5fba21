import type { ResultAsync } from 'neverthrow';
import type { AuditRow, Page, StoreError } from '../host/host-store.js';
import type { HostDatabase } from './host-database.js';

interface AuditRecord {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly tenant: string | null;
  readonly run: string | null;
  readonly action: string;
  readonly detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  readonly tenant?: string;
  readonly run?: string;
  readonly since?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export function appendAudit(db: HostDatabase, row: Omit<AuditRow, 'id' | 'at'>): ResultAsync<void, StoreError> {
  return db
    .query(
      'audit append',
      `INSERT INTO ${db.s}.audit (actor, tenant, run, action, detail) VALUES ($1, $2, $3, $4, $5)`,
      [row.actor, row.tenant ?? null, row.run ?? null, row.action, row.detail ?? null],
    )
    .map(() => undefined);
}

/** Audit rows oldest first, `limit` a page (default 100, at most 1000); `cursor` is the last row's id. */
export function readAudit(db: HostDatabase, filter: AuditFilter): ResultAsync<Page<AuditRow>, StoreError> {
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1_000);
  const after = /^\d{1,18}$/.test(filter.cursor ?? '') ? filter.cursor : '0';
  const since = filter.since && !Number.isNaN(Date.parse(filter.since)) ? new Date(filter.since) : null;
  const run = isUuid(filter.run)
    ? filter.run
    : filter.run === undefined
      ? null
      : '00000000-0000-0000-0000-000000000000';
  return db
    .query<AuditRecord>(
      'audit read',
      `SELECT * FROM ${db.s}.audit
       WHERE id > $1 AND ($2::text IS NULL OR tenant = $2) AND ($3::uuid IS NULL OR run = $3)
         AND ($4::timestamptz IS NULL OR at >= $4)
       ORDER BY id LIMIT $5`,
      [after, filter.tenant ?? null, run, since, limit + 1],
    )
    .map((result) => {
      const items = result.rows.slice(0, limit).map(auditRow);
      return result.rows.length > limit ? { items, next: items.at(-1)!.id } : { items };
    });
}

function auditRow(record: AuditRecord): AuditRow {
  return {
    id: record.id,
    at: record.at.toISOString(),
    actor: record.actor,
    ...(record.tenant !== null ? { tenant: record.tenant } : {}),
    ...(record.run !== null ? { run: record.run } : {}),
    action: record.action,
    ...(record.detail !== null ? { detail: record.detail } : {}),
  };
}

export function isUuid(value: string | undefined): value is string {
  return value !== undefined && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
