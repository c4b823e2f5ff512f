import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { channelSecretBox } from "@leadmetrics/crypto";
import { createDb, type Db, DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, testScratchDir, uniqueKeyPrefix } from "@leadmetrics/testing";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { Redis } from "ioredis";
import { buildApp } from "../src/app";
import { type ApiConfig, apiConfigSchema } from "../src/config";
import { waitForReady } from "../src/lib/redis";

export const TEST_JWT_SECRET = "test-secret-that-is-at-least-32-characters-long";
export const PORTAL_ORIGIN = "http://localhost:3000";
export const TEST_METRICS_TOKEN = "test-metrics-token-0123456789";

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  redis: Redis;
  config: ApiConfig;
  /** Log lines written by the app (JSON), for tests that read what was logged. */
  logs: Record<string, unknown>[];
  queues: QueueClient;
  /** This file's BullMQ prefix: workers started for the file must use it too. */
  queuePrefix: string;
  login(email: string, extra?: Record<string, unknown>): Promise<LoginResult>;
  close(): Promise<void>;
}

export interface LoginResult {
  accessToken: string;
  refreshToken: string;
  session: { kind: string; userId: string; tenantId: string | null; role: string; appAccess: string[] };
}

let ipCounter = 0;
/** A distinct client address per call, so the per-IP login limit does not couple unrelated tests. */
export const nextIp = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;

export async function createTestApp(
  env: Record<string, string> = {},
  opts: {
    redisUrl?: string;
    databaseUrl?: string;
    /** Share another instance's Redis keyspace (scale-out tests). */
    redisKeyPrefix?: string;
    /** Socket.IO on or off (tests that cut Redis on purpose leave it off). */
    sockets?: boolean;
    /** Sees every SQL statement the app's database client sends (query-count tests). */
    onQuery?: (sql: string, params: unknown[]) => void;
  } = {},
): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase());
  // Uploaded media of this app go to a directory of its own, removed on close.
  const storageDir = env.STORAGE_DIR ? undefined : await mkdtemp(path.join(testScratchDir(), "storage-"));
  const config = loadConfig(apiConfigSchema, {
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl,
    REDIS_URL: opts.redisUrl ?? testRedisUrl(),
    JWT_SECRET: TEST_JWT_SECRET,
    COOKIE_SECURE: "false",
    CORS_ORIGINS: PORTAL_ORIGIN,
    DATABASE_POOL_MAX: "5",
    CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
    ALLOW_PRIVATE_CHANNEL_URLS: "true",
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    QUEUE_PREFIX: `q${uniqueKeyPrefix().slice(0, -1)}`,
    ...(storageDir ? { STORAGE_DIR: storageDir } : {}),
    ...env,
  });
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line) logs.push(JSON.parse(line));
      cb();
    },
  });
  const logger = createLogger({ service: "api-test", level: config.LOG_LEVEL, destination });
  const db = createDb({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, onQuery: opts.onQuery });
  const redis = new Redis(config.REDIS_URL, {
    keyPrefix: opts.redisKeyPrefix ?? uniqueKeyPrefix(),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: () => 100,
  });
  redis.on("error", () => {});
  await waitForReady(redis, 5_000);
  const queues = createQueueClient({
    connection: redisConnection(config.REDIS_URL, "producer"),
    prefix: config.QUEUE_PREFIX,
  });
  const app = await buildApp(
    { config, db, redis, logger, queues, secrets: channelSecretBox(config) },
    { sockets: opts.sockets },
  );
  await app.ready();

  return {
    app,
    db,
    redis,
    config,
    logs,
    queues,
    queuePrefix: config.QUEUE_PREFIX,
    async login(email, extra = {}) {
      const res = await app.inject({
        method: "POST",
        url: "/auth/v1/login",
        remoteAddress: nextIp(),
        payload: { email, password: DEMO_PASSWORD, ...extra },
      });
      if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
      return res.json() as LoginResult;
    },
    async close() {
      await app.close();
      await queues.close();
      await db.$disconnect();
      redis.disconnect();
      if (storageDir) await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Asserts the uniform error shape and returns the error. */
export function errorOf(res: LightMyRequestResponse): { code: string; message: string; details?: unknown } {
  const body = res.json() as { error?: { code?: unknown; message?: unknown } };
  if (!body.error || typeof body.error.code !== "string" || typeof body.error.message !== "string") {
    throw new Error(`not the uniform error shape (${res.statusCode}): ${res.body}`);
  }
  return body.error as { code: string; message: string; details?: unknown };
}
