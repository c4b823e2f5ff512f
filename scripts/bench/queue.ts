import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createQueueClient, redisConnection } from "@leadmetrics/queue";
import { agentsConfigSchema } from "@leadmetrics/server-agents/config";
import { startAgentsServer } from "@leadmetrics/server-agents/server";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { type BenchStack, seedBenchPlan } from "./stack";

const CONCURRENCY = 2;

/** Baseline: BullMQ moving no-op jobs through the same Redis, at the writers' concurrency. */
async function rawNoop(stack: BenchStack, jobs: number) {
  const connection = redisConnection(stack.redisUrl, "worker");
  const queue = new Queue("bench__noop", { connection, prefix: "bench-raw" });
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const worker = new Worker("bench__noop", async () => undefined, {
    connection,
    prefix: "bench-raw",
    concurrency: CONCURRENCY,
  });
  worker.on("completed", () => ++done === jobs && finish());
  await worker.waitUntilReady();
  const start = performance.now();
  await queue.addBulk(
    Array.from({ length: jobs }, (_, i) => ({ name: "noop", data: { i }, opts: { removeOnComplete: true } })),
  );
  await finished;
  const seconds = (performance.now() - start) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { jobs, seconds, jobsPerSecond: jobs / seconds };
}

/**
 * Measured: blog-writer jobs through the real pipeline — payload validation, tenant-scoped loads,
 * prompt build, the offline adapter, one transaction (version, transition, event, audit, credits)
 * and the follow-up notification enqueue.
 */
async function pipelineDrafts(stack: BenchStack, jobs: number) {
  const db = createDb({ url: stack.databaseUrl, poolMax: 6 });
  const { tenant, plan } = await seedBenchPlan(db, {
    name: "bench",
    count: jobs,
    topic: "Bench topic",
    statusOf: () => "drafting",
  });
  await db.creditBalance.update({ where: { tenantId: tenant.id }, data: { available: 1_000_000 } });
  const activities = await db.activity.findMany({ where: { planId: plan.id }, select: { id: true } });

  const config = loadConfig(agentsConfigSchema, {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: stack.databaseUrl,
    DATABASE_POOL_MAX: "6",
    REDIS_URL: stack.redisUrl,
    CHANNEL_SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"),
    AGENT_ROLES: "blog-writer",
    RECONCILE_INTERVAL_MS: "3600000",
  });
  const logger = createLogger({
    service: "bench-agents",
    level: "warn",
    destination: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  const redis = new Redis(stack.redisUrl);
  const server = startAgentsServer(config, { db, logger, redis, prefix: "bench-pipeline" });
  const producer = createQueueClient({
    connection: redisConnection(stack.redisUrl, "producer"),
    prefix: "bench-pipeline",
  });
  await Promise.all(server.workers.map((w) => w.waitUntilReady()));

  const start = performance.now();
  await Promise.all(
    activities.map((a) =>
      producer.enqueueDraft("blog-writer", {
        tenantId: tenant.id,
        activityId: a.id,
        revision: 1,
        wakeReason: "new_task",
      }),
    ),
  );
  for (;;) {
    const left = await db.activity.count({ where: { planId: plan.id, status: "drafting" } });
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - start) / 1000;
  await server.close();
  await producer.close();
  redis.disconnect();
  await db.$disconnect();
  return { jobs, seconds, jobsPerSecond: jobs / seconds };
}

export async function benchQueue(stack: BenchStack, jobs = 300) {
  const raw = await rawNoop(stack, jobs * 5);
  const pipeline = await pipelineDrafts(stack, jobs);
  return { raw, pipeline, ratio: pipeline.jobsPerSecond / raw.jobsPerSecond };
}
