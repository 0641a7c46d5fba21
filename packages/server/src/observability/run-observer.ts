import { context, type Span, SpanStatusCode, type Tracer, trace } from '@opentelemetry/api';
import type { RunnerEvent } from '../plan-runner.js';
import type { HostMetrics } from './host-metrics.js';

/** The provider call a task's move to a status stands for. */
const callOfStatus: Readonly<Record<string, string>> = { creating: 'create-change-set', starting: 'start-change-set' };
const finalStatuses = new Set(['succeeded', 'failed', 'cancelled', 'no-changes', 'skipped', 'not-started']);

interface TaskState {
  readonly provider: string;
  readonly span: Span;
  createdAt?: number;
  call?: Span;
}

/**
 * Turns one run's events into metrics and spans: a span per change set (task-added to its final status) and
 * per provider call (a move to `creating` or `starting` until the next status), provider call and error
 * counters, and change-set durations. The runner's events are the seam: the adapters are not touched.
 */
export class RunObserver {
  readonly #tasks = new Map<string, TaskState>();
  readonly #metrics: HostMetrics;
  readonly #tracer: Tracer;
  readonly #runSpan: Span;

  constructor(metrics: HostMetrics, tracer: Tracer, runSpan: Span) {
    this.#metrics = metrics;
    this.#tracer = tracer;
    this.#runSpan = runSpan;
  }

  observe(event: RunnerEvent): void {
    const task = typeof event.task === 'string' ? event.task : undefined;
    if (event.type === 'task-added' && task) this.#added(task, String(event.provider ?? 'unknown'), event);
    else if (event.type === 'task-status' && task) this.#moved(task, String(event.status));
    else if (event.type === 'task-failed' && task) this.#failed(task, event);
  }

  /** Ends the spans a run left open (interrupted, handed over). */
  end(): void {
    for (const state of this.#tasks.values()) {
      state.call?.end();
      state.span.end();
    }
    this.#tasks.clear();
  }

  #added(task: string, provider: string, event: RunnerEvent): void {
    const parent = trace.setSpan(context.active(), this.#runSpan);
    const span = this.#tracer.startSpan(
      'changeplane.change_set',
      {
        attributes: {
          'changeplane.task': task,
          'changeplane.provider': provider,
          'changeplane.label': String(event.label ?? ''),
        },
      },
      parent,
    );
    this.#tasks.set(task, { provider, span });
  }

  #moved(task: string, status: string): void {
    const state = this.#tasks.get(task);
    if (!state) return;
    state.call?.end();
    state.call = undefined;
    const operation = callOfStatus[status];
    if (operation) {
      this.#metrics.providerCalls.inc({ provider: state.provider, operation });
      state.createdAt ??= performance.now();
      const parent = trace.setSpan(context.active(), state.span);
      state.call = this.#tracer.startSpan(
        `changeplane.provider.${operation}`,
        { attributes: { 'changeplane.provider': state.provider, 'changeplane.operation': operation } },
        parent,
      );
    }
    if (!finalStatuses.has(status)) return;
    if (state.createdAt !== undefined) {
      const seconds = (performance.now() - state.createdAt) / 1000;
      this.#metrics.changeSetDuration.observe({ provider: state.provider, status }, seconds);
    }
    state.span.setAttribute('changeplane.status', status);
    state.span.end();
    this.#tasks.delete(task);
  }

  #failed(task: string, event: RunnerEvent): void {
    const state = this.#tasks.get(task);
    const error = (event.error ?? {}) as { operation?: unknown; kind?: unknown };
    const operation = typeof error.operation === 'string' ? error.operation : 'unknown';
    const provider = state?.provider ?? 'unknown';
    this.#metrics.providerErrors.inc({ provider, operation });
    (state?.call ?? state?.span)?.setStatus({ code: SpanStatusCode.ERROR, message: `${operation} failed` });
  }
}
