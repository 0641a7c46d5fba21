import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { err, ok, type Result } from 'neverthrow';

/** Tracing that was started: `shutdown` flushes the spans still buffered. */
export interface StartedTracing {
  readonly exporter: string;
  shutdown(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Whether the standard variables ask for traces: an exporter or an OTLP endpoint named, and the SDK not disabled. */
export function tracingRequested(env: Env): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_TRACES_EXPORTER || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

function exporterOf(name: string): SpanExporter | undefined {
  if (name === 'otlp') return new OTLPTraceExporter();
  if (name === 'console') return new ConsoleSpanExporter();
  return undefined;
}

/**
 * Starts OpenTelemetry tracing from the standard OTEL_* variables only, and only when they ask for it
 * (`tracingRequested`): `OTEL_TRACES_EXPORTER` `otlp` (the default once an endpoint is set; OTLP over HTTP,
 * `OTEL_EXPORTER_OTLP_*` read by the exporter) or `console`; `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`;
 * `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*` read by the SDK. Registers the global tracer provider. `ok(undefined)`: off.
 * `env` decides only whether and which exporter: the exporter and the resource read `process.env` themselves.
 */
export function startTracingFromEnv(env: Env = process.env): Result<StartedTracing | undefined, string> {
  if (!tracingRequested(env)) return ok(undefined);
  const name = (env.OTEL_TRACES_EXPORTER ?? 'otlp').split(',')[0]!.trim();
  const exporter = exporterOf(name);
  if (!exporter) return err(`OTEL_TRACES_EXPORTER=${name} is not supported here (otlp, console or none)`);
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': 'changeplane-server' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  return ok({ exporter: name, shutdown: () => provider.shutdown() });
}
