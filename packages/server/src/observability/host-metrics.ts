import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HostDatabase } from '../store/host-database.js';

const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const waitBuckets = [0.01, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600];

/**
 * The server's Prometheus metrics in a registry of its own (two servers in one process do not mix). The queue
 * and run gauges are read from the store at scrape time, so they are the same on every server of a store; the
 * histograms and counters count what this server did.
 */
export class HostMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'changeplane_http_request_duration_seconds',
    help: 'HTTP request durations by method, route and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly lockWait = new Histogram({
    name: 'changeplane_lock_wait_seconds',
    help: 'How long a run waited in the queue for its locks, from submission to its start',
    buckets: waitBuckets,
    registers: [this.registry],
  });
  readonly handoff = new Histogram({
    name: 'changeplane_lock_handoff_seconds',
    help: 'From a lock released to the waiting run that takes it started',
    buckets: latencyBuckets,
    registers: [this.registry],
  });
  readonly providerCalls = new Counter({
    name: 'changeplane_provider_calls_total',
    help: 'Provider calls by provider and operation (create and start of change sets, from the run events)',
    labelNames: ['provider', 'operation'],
    registers: [this.registry],
  });
  readonly providerErrors = new Counter({
    name: 'changeplane_provider_errors_total',
    help: 'Provider call failures by provider and operation (task-failed events)',
    labelNames: ['provider', 'operation'],
    registers: [this.registry],
  });
  readonly changeSetDuration = new Histogram({
    name: 'changeplane_change_set_duration_seconds',
    help: 'From a change set being created to its final status, by provider and status',
    labelNames: ['provider', 'status'],
    buckets: waitBuckets,
    registers: [this.registry],
  });

  constructor(db: HostDatabase | undefined) {
    if (db) this.#storeGauges(db);
  }

  #storeGauges(db: HostDatabase): void {
    new Gauge({
      name: 'changeplane_queue_depth',
      help: 'Runs waiting in the queue (not yet started), by tenant',
      labelNames: ['tenant'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const read = await db.query<{ tenant: string; n: string }>(
          'queue depth read',
          `SELECT tenant, count(*) AS n FROM ${db.s}.runs WHERE state = 'queued' AND started_at IS NULL GROUP BY tenant`,
        );
        if (read.isOk()) for (const row of read.value.rows) this.set({ tenant: row.tenant }, Number(row.n));
      },
    });
    new Gauge({
      name: 'changeplane_runs',
      help: 'Runs in the store by state',
      labelNames: ['state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        const read = await db.query<{ state: string; n: string }>(
          'runs by state read',
          `SELECT state, count(*) AS n FROM ${db.s}.runs GROUP BY state`,
        );
        if (read.isOk()) for (const row of read.value.rows) this.set({ state: row.state }, Number(row.n));
      },
    });
  }
}
