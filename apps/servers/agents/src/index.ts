import { loadConfigOrExit } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { Redis } from "ioredis";
import { agentsConfigSchema } from "./config";
import { startAgentsServer } from "./server";

const config = loadConfigOrExit(agentsConfigSchema, "agents");
const logger = createLogger({ service: "agents", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
const server = startAgentsServer(config, { db, logger, redis, prefix: process.env.QUEUE_PREFIX });

let closing = false;
async function shutdown(signal: string, code = 0) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down: finishing running jobs");
  try {
    await server.close();
    await Promise.allSettled([db.$disconnect(), redis.quit()]);
  } finally {
    process.exit(code);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
process.on("uncaughtException", (err) => {
  logger.fatal({ err }, "uncaught exception; shutting down");
  void shutdown("uncaughtException", 1);
});
