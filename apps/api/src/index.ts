import { loadConfigOrExit } from "@leadmetrics/config";
import { channelSecretBox } from "@leadmetrics/crypto";
import { createDb } from "@leadmetrics/db";
import { handleShutdown } from "@leadmetrics/lifecycle";
import { createLogger } from "@leadmetrics/logger";
import { createQueueClient, redisConnection } from "@leadmetrics/queue";
import { startTelemetry } from "@leadmetrics/telemetry";
import { Redis } from "ioredis";
import { buildApp } from "./app";
import { apiConfigSchema } from "./config";
import { waitForReady } from "./lib/redis";

const config = loadConfigOrExit(apiConfigSchema, "api");
// Before anything creates a queue or a route: tracing on only when an OTLP endpoint is set.
const telemetry = await startTelemetry({
  serviceName: config.OTEL_SERVICE_NAME ?? "api",
  endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
});
const logger = createLogger({ service: "api", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const redis = new Redis(config.REDIS_URL, {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  // Commands issued in the same tick (the rate limiter's and the revocation check of many
  // concurrent requests) go out in one write: each write to a socket is a costly system call.
  enableAutoPipelining: true,
});
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
// Commands fail fast while Redis is down (no offline queue), so give it a moment to connect
// first; if it is not there, start anyway: /health/ready reports it and requests answer 503.
await waitForReady(redis, 5_000).catch(() => logger.warn("redis not reachable at start; continuing"));

const queues = createQueueClient({
  connection: redisConnection(config.REDIS_URL, "producer"),
  prefix: config.QUEUE_PREFIX,
});
const secrets = channelSecretBox(config);
const app = await buildApp({ config, db, redis, logger, queues, secrets });

// Stop accepting, finish in-flight requests, then release the pools.
handleShutdown({
  logger,
  timeoutMs: 15_000,
  close: async () => {
    await app.close();
    await Promise.allSettled([db.$disconnect(), redis.quit(), queues.close()]);
    await telemetry.shutdown(); // flushes the last spans
  },
});

await app.listen({ host: config.API_HOST, port: config.API_PORT });
