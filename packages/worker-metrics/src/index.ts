import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Readiness } from "@leadmetrics/lifecycle";
import type { Logger } from "@leadmetrics/logger";
import { type ConnectionOptions, type Job, Queue, type Worker } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * Prometheus metrics of a worker process: jobs completed and failed by queue, job duration by
 * queue and status, and — read from Redis at scrape time — each queue's depth by state and the
 * age of its oldest waiting job; plus the process's own metrics. Served by `startMetricsServer`
 * at GET /metrics to a scraper that presents METRICS_TOKEN.
 */

export const QUEUE_STATES = ["waiting", "active", "delayed", "failed"] as const;

export interface WorkerMetricsOptions {
  /** Where the queues live (a read-only connection of its own is opened for scrapes). */
  connection: ConnectionOptions;
  prefix?: string;
  /** Queues to report depth for even without a worker observed in this process. */
  queues?: string[];
  /** prom-client's process metrics (CPU, memory, event loop lag, …); default true. */
  defaultMetrics?: boolean;
  logger?: Pick<Logger, "warn">;
}

export interface WorkerMetrics {
  registry: Registry;
  /** Counts the worker's jobs (on its `completed` / `failed` events) and reports its queue's depth. */
  observe(worker: Worker): void;
  /** Adds a queue whose depth is reported. */
  watch(queueName: string): void;
  /** The Prometheus text exposition (queue gauges read from Redis now). */
  metrics(): Promise<string>;
  close(): Promise<void>;
}

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

export function createWorkerMetrics(opts: WorkerMetricsOptions): WorkerMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const names = new Set<string>(opts.queues ?? []);
  let redis: Redis | undefined;
  const queues = new Map<string, Queue>();
  const queue = (name: string): Queue => {
    let q = queues.get(name);
    if (!q) {
      // Scrapes fail fast while Redis is away instead of queueing commands behind a reconnect.
      if (!redis) {
        redis = new Redis({
          ...(opts.connection as RedisOptions),
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          lazyConnect: false,
        });
        redis.on("error", () => {});
      }
      // Read-only: it must not write the queue's settings (its event stream's length) back to defaults.
      q = new Queue(name, { connection: redis, prefix: opts.prefix, skipMetasUpdate: true });
      q.on("error", () => {});
      queues.set(name, q);
    }
    return q;
  };
  const warn = (err: unknown, what: string) =>
    opts.logger?.warn({ err: (err as Error)?.message ?? String(err) }, `metrics: could not read ${what}`);
  /** Reads something of every observed queue at scrape time; one unreadable queue does not fail the scrape. */
  const eachQueue = (what: string, read: (name: string) => Promise<void>) =>
    Promise.all([...names].map((name) => read(name).catch((err) => warn(err, `${what} of ${name}`))));

  const completed = new Counter({
    name: "bullmq_jobs_completed_total",
    help: "Jobs completed, by queue",
    labelNames: ["queue"],
    registers: [registry],
  });
  const failed = new Counter({
    name: "bullmq_jobs_failed_total",
    help: "Job attempts that failed, by queue (final: the job will not be retried)",
    labelNames: ["queue", "final"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "bullmq_job_duration_seconds",
    help: "Job processing time (one attempt), by queue and status",
    labelNames: ["queue", "status"],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "bullmq_queue_jobs",
    help: "Jobs in each queue by state, read from Redis at scrape time",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      await eachQueue("the depth", async (name) => {
        const counts = await queue(name).getJobCounts(...QUEUE_STATES);
        for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
      });
    },
  });
  new Gauge({
    name: "bullmq_queue_oldest_waiting_job_age_seconds",
    help: "Age of the oldest waiting job in each queue (0 when none waits), read at scrape time",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      this.reset();
      await eachQueue("the oldest job", async (name) => {
        // Ascending: the oldest job of the wait list (and of the paused list, when paused).
        const jobs = await queue(name).getJobs(["waiting"], 0, 0, true);
        const oldest = Math.min(...jobs.map((j) => j?.timestamp ?? Infinity));
        this.set({ queue: name }, Number.isFinite(oldest) ? Math.max(0, (Date.now() - oldest) / 1000) : 0);
      });
    },
  });

  const seconds = (job: Job) => (job.processedOn ? Math.max(0, (Date.now() - job.processedOn) / 1000) : undefined);
  return {
    registry,
    observe(worker) {
      const name = worker.name;
      names.add(name);
      completed.inc({ queue: name }, 0);
      failed.inc({ queue: name, final: "true" }, 0);
      failed.inc({ queue: name, final: "false" }, 0);
      worker.on("completed", (job) => {
        completed.inc({ queue: name });
        const s = seconds(job);
        if (s !== undefined) duration.observe({ queue: name, status: "completed" }, s);
      });
      worker.on("failed", (job, err) => {
        if (!job) return;
        // finishedOn is set only when the job moved to the failed set (no attempt left, or unrecoverable).
        const final =
          job.finishedOn !== undefined ||
          err?.name === "UnrecoverableError" ||
          job.attemptsMade >= (job.opts.attempts ?? 1);
        failed.inc({ queue: name, final: String(final) });
        const s = seconds(job);
        if (s !== undefined) duration.observe({ queue: name, status: "failed" }, s);
      });
    },
    watch(queueName) {
      names.add(queueName);
    },
    metrics: () => registry.metrics(),
    async close() {
      await Promise.allSettled([...queues.values()].map((q) => q.close()));
      redis?.disconnect();
    },
  };
}

export interface MetricsServerOptions {
  metrics: WorkerMetrics;
  /** METRICS_TOKEN: scrapers send `Authorization: Bearer <token>`. Unset = no /metrics route. */
  token?: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger?: Pick<Logger, "warn" | "error">;
  /** Backing-service checks for GET /health/ready (see `checkReadiness`); without it, no such route. */
  readiness?: () => Promise<Readiness>;
}

export interface MetricsServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

type ErrorCode = "UNAUTHORIZED" | "NOT_FOUND" | "INTERNAL" | "NOT_READY";

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { code, message } }, headers);
}

/**
 * A small HTTP server beside the workers: GET /health/live (200), GET /health/ready (200, or 503
 * naming the failing backing service, as the API answers) and GET /metrics (Prometheus text,
 * bearer token compared in constant time); every other answer is the uniform error body.
 */
export async function startMetricsServer(opts: MetricsServerOptions): Promise<MetricsServer> {
  const expected = opts.token ? Buffer.from(`Bearer ${opts.token}`) : undefined;
  const authorized = (req: IncomingMessage) => {
    if (!expected) return false;
    const given = Buffer.from(req.headers.authorization ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    const method = req.method ?? "GET";
    if ((method === "GET" || method === "HEAD") && path === "/health/live") return sendJson(res, 200, { status: "ok" });
    if (method === "GET" && path === "/health/ready" && opts.readiness) {
      opts.readiness().then(
        ({ ready, checks, failing }) =>
          ready
            ? sendJson(res, 200, { status: "ok", checks })
            : sendJson(res, 503, {
                status: "degraded",
                checks,
                error: {
                  code: "NOT_READY",
                  message: `Not ready: ${failing.join(", ")} unavailable`,
                  details: { checks },
                },
              }),
        (err) => sendError(res, 503, "NOT_READY", `Not ready: ${(err as Error).message}`),
      );
      return;
    }
    if (method === "GET" && path === "/metrics" && expected) {
      if (!authorized(req))
        return sendError(res, 401, "UNAUTHORIZED", "A metrics token is required", { "www-authenticate": "Bearer" });
      opts.metrics
        .metrics()
        .then((body) => {
          res.writeHead(200, { "content-type": opts.metrics.registry.contentType });
          res.end(body);
        })
        .catch((err) => {
          opts.logger?.error({ err }, "metrics: scrape failed");
          sendError(res, 500, "INTERNAL", "The metrics could not be collected");
        });
      return;
    }
    sendError(res, 404, "NOT_FOUND", `Route ${method}:${path} not found`);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://${opts.host && opts.host !== "0.0.0.0" ? opts.host : "127.0.0.1"}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
