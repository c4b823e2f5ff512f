import { loadConfigOrExit } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { handleShutdown } from "@leadmetrics/lifecycle";
import { createLogger } from "@leadmetrics/logger";
import { Redis } from "ioredis";
import { buildSenders } from "./build-senders";
import { notificationsConfigSchema } from "./config";
import { startNotificationsServer } from "./server";

const config = loadConfigOrExit(notificationsConfigSchema, "notifications");
const logger = createLogger({ service: "notifications", level: config.LOG_LEVEL, format: config.LOG_FORMAT });
const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
const server = startNotificationsServer(config, { db, logger, redis, senders: buildSenders(config), prefix: config.QUEUE_PREFIX });

handleShutdown({
  logger,
  close: async () => {
    await server.close();
    await Promise.allSettled([db.$disconnect(), redis.quit()]);
  },
});
logger.info("notifications server started");
