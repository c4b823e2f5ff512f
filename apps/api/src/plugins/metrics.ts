import { timingSafeEqual } from "node:crypto";
import { unauthorized } from "@leadmetrics/errors";
import type { OutboxRelay } from "@leadmetrics/queue";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { protect } from "../auth/guards";

/**
 * Prometheus metrics: request counts and latency by route and status, plus the process's own.
 * Served at /metrics only when METRICS_TOKEN is set, and only to a scraper that presents it.
 */
export async function registerMetrics(
  app: FastifyInstance,
  token: string | undefined,
  outbox: Pick<OutboxRelay, "backlog">,
): Promise<void> {
  if (!token) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests by route and status",
    labelNames: ["method", "route", "status"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // The transactional outbox's backlog, read at scrape time (a tiny query per gauge).
  const outboxGauge = (name: string, help: string, pick: (b: Awaited<ReturnType<OutboxRelay["backlog"]>>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const b = await outbox.backlog().catch(() => undefined);
        if (b) this.set(pick(b));
      },
    });
  outboxGauge("outbox_jobs", "Jobs committed but not yet handed to BullMQ", (b) => b.jobs);
  outboxGauge(
    "outbox_oldest_job_age_seconds",
    "Age of the oldest job waiting in the outbox (0 when empty)",
    (b) => b.oldestAgeSeconds,
  );
  app.addHook("onResponse", async (req, reply) => {
    // The route pattern, never the raw URL: ids must not explode the label set.
    const labels = { method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });

  const expected = Buffer.from(`Bearer ${token}`);
  await app.register(async (scoped) => {
    protect(scoped, "metrics", async (req) => {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw unauthorized("A metrics token is required");
    });
    scoped.get("/metrics", { schema: { hide: true } }, async (_req, reply) =>
      reply.type(registry.contentType).send(await registry.metrics()),
    );
  });
}
