import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Attributes, Context, Span, SpanContext, Tracer } from '@opentelemetry/api';

/**
 * A service's OpenTelemetry spans, exported over OTLP. Services that run in one process (tests) each
 * have their own, so every span names the service that made it.
 */
export interface Tracing {
  readonly tracer: Tracer;
  /** Sends every span ended so far. */
  flush(): Promise<void>;
  /** Sends what is left and stops. */
  shutdown(): Promise<void>;
}

/** version-traceid-parentid-flags, as W3C Trace Context writes it. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ALL_ZERO = /^0+$/;

/** The caller's span named by a `traceparent` header, or null when it is absent, malformed or all-zero. */
export function remoteSpanContext(traceparent: string | undefined): SpanContext | null {
  const match = traceparent ? TRACEPARENT.exec(traceparent.trim()) : null;
  const [, traceId, spanId, flags] = match ?? [];
  if (!traceId || !spanId || !flags || ALL_ZERO.test(traceId) || ALL_ZERO.test(spanId)) return null;
  return { traceId, spanId, traceFlags: parseInt(flags, 16), isRemote: true };
}

/** A `traceparent` naming `span` as the parent of what the receiver does. */
export const traceparentOf = (span: SpanContext): string =>
  `00-${span.traceId}-${span.spanId}-0${(span.traceFlags & 1).toString(16)}`;

/** The context a request's work runs in: a child of the caller's span when it sent a valid one. */
export function remoteParent(traceparent: string | undefined): Context {
  const remote = remoteSpanContext(traceparent);
  return remote ? trace.setSpanContext(ROOT_CONTEXT, remote) : ROOT_CONTEXT;
}

/**
 * Starts exporting `service`'s spans to the OTLP/HTTP endpoint (`<endpoint>/v1/traces`, JSON). The SDK
 * is loaded here and only here, so a service without an endpoint loads none of it and makes no spans.
 */
export async function startTracing(service: string, endpoint: string): Promise<Tracing> {
  const [{ BasicTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, conventions, hooks] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
      import('@opentelemetry/context-async-hooks'),
    ]);
  // One context manager serves the process: a second service in it finds the first one's in place.
  context.setGlobalContextManager(new hooks.AsyncLocalStorageContextManager().enable());
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ [conventions.ATTR_SERVICE_NAME]: service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
  return {
    tracer: provider.getTracer('xueshi'),
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}

/** Marks a span failed by the error's class only: messages can quote what a caller sent. */
export function spanFailed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
}

/**
 * Runs `work` in a new span, a child of the active one, ended when `work` settles; without tracing,
 * just `work`.
 */
export async function inSpan<T>(
  tracing: Tracing | undefined,
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes },
  work: (span: Span | undefined) => Promise<T>,
): Promise<T> {
  if (!tracing) return work(undefined);
  return tracing.tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes ?? {} },
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        spanFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
