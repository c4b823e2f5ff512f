import { loadConfigOrExit } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { checkReadiness, handleShutdown } from "@leadmetrics/lifecycle";
import { createLogger } from "@leadmetrics/logger";
import { redisConnection } from "@leadmetrics/queue";
import { startTelemetry } from "@leadmetrics/telemetry";
import { createWorkerMetrics, startMetricsServer } from "@leadmetrics/worker-metrics";
import { Redis } from "ioredis";
import { agentsConfigSchema } from "./config";
import { startAgentsServer } from "./server";

const config = loadConfigOrExit(agentsConfigSchema, "agents");
// Before any queue or worker exists: tracing on only when an OTLP endpoint is set.
const telemetry = await startTelemetry({ serviceName: config.OTEL_SERVICE_NAME ?? "agents", endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const logger = createLogger({ service: "agents", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
const server = startAgentsServer(config, { db, logger, redis, prefix: config.QUEUE_PREFIX });

// Prometheus metrics of this process's workers and queues (GET /metrics with METRICS_TOKEN) and liveness.
const metrics = createWorkerMetrics({ connection: redisConnection(config.REDIS_URL, "producer"), prefix: config.QUEUE_PREFIX, logger });
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
  timeoutMs: config.SHUTDOWN_GRACE_MS + 10_000,
  close: async () => {
    await server.close();
    await Promise.allSettled([db.$disconnect(), redis.quit(), metricsServer.close(), metrics.close()]);
    await telemetry.shutdown(); // flushes the last spans
  },
});
// Announced last: "started" means jobs are consumed and a SIGTERM is handled gracefully.
logger.info({ roles: config.AGENT_ROLES, metricsPort: metricsServer.port, tracing: telemetry.enabled }, "agents server started");
