import { randomBytes } from "node:crypto";
import { loadConfig } from "@leadmetrics/config";
import { channelSecretBox } from "@leadmetrics/crypto";
import { createDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createQueueClient } from "@leadmetrics/queue";
import { Redis } from "ioredis";
import { buildApp } from "./app";
import { apiConfigSchema } from "./config";

/**
 * The API's OpenAPI document, from the same `buildApp` the server runs (so it cannot miss a
 * route), without connecting to anything: clients connect lazily and nothing is called.
 */
export async function exportOpenApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig(apiConfigSchema, {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://openapi@127.0.0.1:1/none",
    REDIS_URL: "redis://127.0.0.1:1",
    JWT_SECRET: randomBytes(32).toString("hex"),
    CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
    PUBLIC_DOCS: "true",
  });
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false });
  const db = createDb({ url: config.DATABASE_URL, poolMax: 1 });
  const queues = createQueueClient({ connection: { host: "127.0.0.1", port: 1, lazyConnect: true } });
  const app = await buildApp(
    {
      config,
      db,
      redis,
      logger: createLogger({ service: "openapi", level: "silent" }),
      queues,
      secrets: channelSecretBox(config),
    },
    { sockets: false },
  );
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    redis.disconnect();
  }
}
