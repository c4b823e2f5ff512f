import {
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import type { Telemetry as BullTelemetry } from "bullmq";
import type { FastifyInstance, FastifyRequest } from "fastify";

/**
 * OpenTelemetry tracing across API → queue → worker. Off unless an OTLP endpoint is configured:
 * then nothing of the SDK is even loaded, every helper here is a plain pass-through, and the
 * queues and workers get no BullMQ telemetry (zero overhead). On: spans go to
 * `{endpoint}/v1/traces` (OTLP/HTTP, JSON), the W3C trace context and baggage travel inside
 * every job, and every span carries the request id as `request.id`.
 */

/** The attribute (and baggage entry) that carries the request id on every span. */
export const REQUEST_ID_ATTRIBUTE = "request.id";

export interface TelemetryOptions {
  serviceName: string;
  /** OTLP/HTTP base address (OTEL_EXPORTER_OTLP_ENDPOINT); unset or empty = tracing off. */
  endpoint?: string;
  serviceVersion?: string;
  /** How long spans are batched before export (ms; default 2 s). */
  exportDelayMs?: number;
}

export interface TelemetryHandle {
  enabled: boolean;
  /** Sends every finished span now. */
  flush(): Promise<void>;
  /** Flushes and stops: call it last on SIGTERM. */
  shutdown(): Promise<void>;
}

const NOOP: TelemetryHandle = { enabled: false, flush: async () => {}, shutdown: async () => {} };

let active: { bullmq: BullTelemetry } | null = null;

/**
 * Starts tracing for this process when `endpoint` is set; returns a no-op handle otherwise.
 * Call it before the process creates its queues and workers.
 */
export async function startTelemetry(opts: TelemetryOptions): Promise<TelemetryHandle> {
  if (!opts.endpoint) return NOOP;
  if (active) throw new Error("telemetry is already started in this process");
  // Loaded only when tracing is on: a process without an endpoint never loads the SDK.
  const [
    { TracerProvider, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { AsyncLocalStorageContextManager },
    core,
    { BullMQOtel },
  ] = await Promise.all([
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("bullmq-otel"),
  ]);
  const exporter = new OTLPTraceExporter({ url: `${opts.endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({
      "service.name": opts.serviceName,
      ...(opts.serviceVersion ? { "service.version": opts.serviceVersion } : {}),
    }),
    spanProcessors: [
      requestIdSpanProcessor,
      new BatchSpanProcessor({ exporter, scheduledDelayMillis: opts.exportDelayMs ?? 2_000 }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new core.CompositePropagator({
      propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  active = { bullmq: new BullMQOtel({ tracerName: "bullmq" }) };
  let stopped = false;
  return {
    enabled: true,
    flush: () => provider.forceFlush(),
    async shutdown() {
      if (stopped) return;
      stopped = true;
      await provider.shutdown(); // flushes what is still batched
      active = null;
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/** True once startTelemetry has started tracing in this process. */
export const tracingEnabled = (): boolean => active !== null;

/** BullMQ's telemetry (bullmq-otel) for a Queue or Worker, or undefined while tracing is off. */
export const queueTelemetry = (): BullTelemetry | undefined => active?.bullmq;

/**
 * Copies the request id onto every span that starts: from the baggage of its parent context
 * (set by the API per request, carried inside each job) or from its parent span.
 */
const requestIdSpanProcessor = {
  onStart(span: Span & { attributes?: Record<string, unknown> }, parent: Context): void {
    if (span.attributes?.[REQUEST_ID_ATTRIBUTE] !== undefined) return;
    const fromBaggage = propagation.getBaggage(parent)?.getEntry(REQUEST_ID_ATTRIBUTE)?.value;
    const fromParent = (trace.getSpan(parent) as { attributes?: Record<string, unknown> } | undefined)?.attributes?.[
      REQUEST_ID_ATTRIBUTE
    ];
    const id = fromBaggage ?? (typeof fromParent === "string" ? fromParent : undefined);
    if (id) span.setAttribute(REQUEST_ID_ATTRIBUTE, id);
  },
  onEnd(): void {},
  forceFlush: async () => {},
  shutdown: async () => {},
};

/** `ctx` with the request id in its baggage, so every span started under it carries the id. */
function withRequestIdBaggage(ctx: Context, requestId: string): Context {
  const baggage = (propagation.getBaggage(ctx) ?? propagation.createBaggage()).setEntry(REQUEST_ID_ATTRIBUTE, {
    value: requestId,
  });
  return propagation.setBaggage(ctx, baggage);
}

/**
 * Runs `fn` with the request id on the active span (a worker's job span) and in the context, so
 * every span `fn` starts carries it too. A plain call while tracing is off or there is no id.
 */
export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  if (!active || !requestId) return fn();
  trace.getActiveSpan()?.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
  return context.with(withRequestIdBaggage(context.active(), requestId), fn);
}

const requestSpans = new WeakMap<FastifyRequest, { span: Span; ctx: Context }>();

/**
 * One SERVER span per request (parent: the caller's `traceparent`, if any), named by method and
 * route pattern, with `request.id` = Fastify's req.id; the handler and everything it awaits run
 * in its context, so a job enqueued by the request continues the same trace. Does nothing while
 * tracing is off (no hooks are added).
 */
export function registerRequestTracing(app: FastifyInstance): void {
  if (!active) return;
  const tracer = trace.getTracer("@leadmetrics/api");
  app.addHook("onRequest", (req, _reply, done) => {
    const route = req.routeOptions.url;
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      `${req.method} ${route ?? "unmatched"}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          "http.request.method": req.method,
          ...(route ? { "http.route": route } : {}),
          "url.path": req.url.split("?")[0]!,
          [REQUEST_ID_ATTRIBUTE]: req.id,
        },
      },
      parent,
    );
    const ctx = withRequestIdBaggage(trace.setSpan(parent, span), req.id);
    requestSpans.set(req, { span, ctx });
    context.with(ctx, done);
  });
  // Body parsing resumes on the socket's context: enter the request's context again before the handler.
  app.addHook("preHandler", (req, _reply, done) => {
    const entry = requestSpans.get(req);
    if (entry) context.with(entry.ctx, done);
    else done();
  });
  const end = (req: FastifyRequest, status?: number) => {
    const entry = requestSpans.get(req);
    if (!entry) return;
    requestSpans.delete(req);
    if (status !== undefined) entry.span.setAttribute("http.response.status_code", status);
    if (status === undefined || status >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
    entry.span.end();
  };
  app.addHook("onResponse", (req, reply, done) => {
    end(req, reply.statusCode);
    done();
  });
  app.addHook("onRequestAbort", (req, done) => {
    end(req);
    done();
  });
}

/**
 * The active trace context as W3C headers (traceparent, baggage with the request id), to keep
 * beside work that runs later (an outbox row); undefined while tracing is off.
 */
export function captureTraceContext(): Record<string, string> | undefined {
  if (!active) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length > 0 ? carrier : undefined;
}

/** Runs `fn` in the context a `captureTraceContext` carrier describes (a plain call without one). */
export function withTraceContext<T>(carrier: Record<string, string> | null | undefined, fn: () => T): T {
  if (!active || !carrier) return fn();
  return context.with(propagation.extract(ROOT_CONTEXT, carrier), fn);
}

/** A tracer for spans of one's own (a no-op tracer while tracing is off). */
export const getTracer = (name: string) => trace.getTracer(name);
