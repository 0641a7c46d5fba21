import {
  context,
  isSpanContextValid,
  type Span,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import type { FastifyBaseLogger } from 'fastify';
import type { PlanRunner, RunnerContext, RunnerEvent, RunnerOutcome } from '../plan-runner.js';
import type { HostDatabase } from '../store/host-database.js';
import { HostMetrics } from './host-metrics.js';
import { RunObserver } from './run-observer.js';
import { readRunTiming } from './run-timing.js';

export interface HostTelemetryOptions {
  /** The store's database: queue gauges, and the timing of lock waits. */
  readonly db?: HostDatabase;
  /** Default: the global provider (a no-op unless tracing was started, start-tracing.ts). */
  readonly tracerProvider?: TracerProvider;
}

/**
 * The server's metrics, tracer and run logs. `observe(runner)` gives the runner the workers should carry runs
 * with: each run gets a span (from its submission), a lock-wait span, change-set and provider-call spans, the
 * metrics, and one JSON log line per event with its run id, tenant and trace id.
 */
export class HostTelemetry {
  readonly metrics: HostMetrics;
  readonly tracer: Tracer;
  readonly #db: HostDatabase | undefined;
  #log: FastifyBaseLogger | undefined;

  constructor(options: HostTelemetryOptions = {}) {
    this.#db = options.db;
    this.metrics = new HostMetrics(options.db);
    this.tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer('@changeplane/server');
  }

  /** The logger run lines go to (createServer gives its Fastify logger). */
  useLogger(log: FastifyBaseLogger): void {
    this.#log = log;
  }

  /** The runner with every run observed; its other calls pass through. */
  observe(runner: PlanRunner): PlanRunner {
    return {
      check: (body, format) => runner.check(body, format),
      isFinal: (changeSet) => runner.isFinal(changeSet),
      close: () => runner.close(),
      run: (document, runContext) => this.#run(runner, document, runContext),
    };
  }

  async #run(runner: PlanRunner, document: unknown, runContext: RunnerContext): Promise<RunnerOutcome> {
    const timing = this.#db ? await readRunTiming(this.#db, runContext.runId) : undefined;
    const attributes = { 'changeplane.run_id': runContext.runId, 'changeplane.tenant': runContext.tenant };
    const span = this.tracer.startSpan('changeplane.run', { attributes, startTime: timing?.createdAt });
    if (timing) this.#lockWait(span, timing);
    // No trace id in the lines when tracing is off (the no-op span's id is all zeros).
    const traceId = isSpanContextValid(span.spanContext()) ? span.spanContext().traceId : undefined;
    const log = this.#log?.child({
      runId: runContext.runId,
      tenant: runContext.tenant,
      ...(traceId ? { traceId } : {}),
    });
    const observer = new RunObserver(this.metrics, this.tracer, span);
    const emit = (event: RunnerEvent) => {
      observer.observe(event);
      log?.info({ event: event.type, task: event.task, status: event.status }, 'run event');
      return runContext.emit(event);
    };
    log?.info('run started');
    try {
      const outcome = await context.with(trace.setSpan(context.active(), span), () =>
        runner.run(document, { ...runContext, emit }),
      );
      span.setAttributes({ 'changeplane.state': outcome.state, 'changeplane.exit_code': outcome.exitCode });
      if (outcome.state === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.reason });
      log?.info({ state: outcome.state, exitCode: outcome.exitCode }, 'run ended');
      return outcome;
    } finally {
      observer.end();
      span.end();
    }
  }

  #lockWait(runSpan: Span, timing: { createdAt: Date; startedAt: Date; handoffMs?: number }): void {
    const waited = (timing.startedAt.getTime() - timing.createdAt.getTime()) / 1000;
    this.metrics.lockWait.observe(Math.max(0, waited));
    if (timing.handoffMs !== undefined) this.metrics.handoff.observe(timing.handoffMs / 1000);
    const parent = trace.setSpan(context.active(), runSpan);
    this.tracer.startSpan('changeplane.lock_wait', { startTime: timing.createdAt }, parent).end(timing.startedAt);
  }
}
