import { loadConfigOrExit } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { handleShutdown } from "@leadmetrics/lifecycle";
import { createLogger } from "@leadmetrics/logger";
import { Redis } from "ioredis";
import { agentsConfigSchema } from "./config";
import { startAgentsServer } from "./server";

const config = loadConfigOrExit(agentsConfigSchema, "agents");
const logger = createLogger({ service: "agents", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
const server = startAgentsServer(config, { db, logger, redis, prefix: config.QUEUE_PREFIX });

handleShutdown({
  logger,
  timeoutMs: config.SHUTDOWN_GRACE_MS + 10_000,
  close: async () => {
    await server.close();
    await Promise.allSettled([db.$disconnect(), redis.quit()]);
  },
});
// Announced last: "started" means jobs are consumed and a SIGTERM is handled gracefully.
logger.info({ roles: config.AGENT_ROLES }, "agents server started");
