import { loadConfigOrExit, type z } from "@leadmetrics/config";
import { createDb, type Db } from "@leadmetrics/db";
import { checkReadiness, handleShutdown } from "@leadmetrics/lifecycle";
import { createLogger, type Logger } from "@leadmetrics/logger";
import { redisConnection, type Worker } from "@leadmetrics/queue";
import { startTelemetry } from "@leadmetrics/telemetry";
import { createWorkerMetrics, startMetricsServer } from "@leadmetrics/worker-metrics";
import { Redis } from "ioredis";

/** What every worker server's config holds (the env fragments base, database, redis, workerMetrics, telemetry). */
export interface WorkerServerConfig {
  LOG_LEVEL: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  LOG_FORMAT: "json" | "pretty";
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  METRICS_TOKEN?: string;
  METRICS_PORT: number;
  METRICS_HOST: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_SERVICE_NAME?: string;
}

/** A started server: its workers (observed for metrics) and how it stops. */
export interface WorkerServer {
  workers: Worker[];
  close(): Promise<void>;
}

export interface WorkerServerDeps {
  db: Db;
  logger: Logger;
  /** The process's one shared connection for real-time publishing. */
  redis: Redis;
}

export interface RunWorkerServerOptions<C extends WorkerServerConfig> {
  /** "agents" → logs, spans and the "agents server started" line. */
  service: string;
  schema: z.ZodType<C>;
  start(config: C, deps: WorkerServerDeps): WorkerServer;
  /** How long a SIGTERM may take before the process exits anyway. */
  shutdownTimeoutMs?(config: C): number;
  /** Extra fields of the "started" log line. */
  describe?(config: C): Record<string, unknown>;
}

/**
 * The one way a worker server process starts: validated config, tracing (before any queue or
 * worker exists), one database pool and one Redis connection, the server's workers, GET /metrics
 * + /health/live + /health/ready on METRICS_PORT, and a bounded graceful shutdown. A new worker
 * server is a `start` function, not a copy of this file.
 */
export async function runWorkerServer<C extends WorkerServerConfig>(opts: RunWorkerServerOptions<C>): Promise<void> {
  const config = loadConfigOrExit(opts.schema, opts.service);
  const telemetry = await startTelemetry({
    serviceName: config.OTEL_SERVICE_NAME ?? opts.service,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const logger = createLogger({ service: opts.service, level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const server = opts.start(config, { db, logger, redis });

  const metrics = createWorkerMetrics({
    connection: redisConnection(config.REDIS_URL, "producer"),
    prefix: config.QUEUE_PREFIX,
    logger,
  });
  for (const worker of server.workers) metrics.observe(worker);
  const metricsServer = await startMetricsServer({
    metrics,
    token: config.METRICS_TOKEN,
    port: config.METRICS_PORT,
    host: config.METRICS_HOST,
    logger,
    readiness: () => checkReadiness({ postgres: () => db.$queryRaw`SELECT 1`, redis: () => redis.ping() }),
  });

  handleShutdown({
    logger,
    timeoutMs: opts.shutdownTimeoutMs?.(config),
    close: async () => {
      await server.close();
      await Promise.allSettled([db.$disconnect(), redis.quit(), metricsServer.close(), metrics.close()]);
      await telemetry.shutdown(); // flushes the last spans
    },
  });
  // Announced last: "started" means jobs are consumed and a SIGTERM is handled gracefully.
  logger.info(
    { ...opts.describe?.(config), metricsPort: metricsServer.port, tracing: telemetry.enabled },
    `${opts.service} server started`,
  );
}
