import { createDb, type Db } from "@leadmetrics/db";
import { checkReadiness } from "@leadmetrics/lifecycle";
import { createLogger } from "@leadmetrics/logger";
import {
  createQueueClient,
  createWorker,
  PermanentJobError,
  type QueueClient,
  redisConnection,
  type Worker,
} from "@leadmetrics/queue";
import { createTestDatabase, eventually, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerMetrics, type MetricsServer, startMetricsServer, type WorkerMetrics } from "../src/index";

const TOKEN = "worker-metrics-test-token-0123";
const QUEUE = "notifications__telegram";
const prefix = `q${uniqueKeyPrefix().slice(0, -1)}`;
const logger = createLogger({ service: "worker-metrics-test", level: "silent" });

let db: Db;
let queues: QueueClient;
let worker: Worker;
let metrics: WorkerMetrics;
let server: MetricsServer;

const job = (n: number, fail: boolean) => ({
  tenantId: null,
  recipient: { email: "ops@leadmetrics.local" },
  event: "job_failed" as const,
  data: { n, fail },
  dedupeKey: `m-${n}`,
});
const scrape = (headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, path = "/metrics") =>
  fetch(`${server.url}${path}`, { headers });
/** The value of one sample, e.g. value(body, 'bullmq_jobs_completed_total{queue="x"}'). */
const value = (body: string, sample: string) => {
  const line = body.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
};

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 3 });
  const connection = redisConnection(testRedisUrl(), "worker");
  queues = createQueueClient({
    connection: redisConnection(testRedisUrl(), "producer"),
    prefix,
    jobOptions: { attempts: 1 },
  });
  // The real worker factory: a failing job fails for good at once (PermanentJobError).
  worker = createWorker(
    QUEUE,
    async ({ payload }) => {
      if (payload.data.fail) throw new PermanentJobError("told to fail");
      return "ok";
    },
    { connection, prefix, db, logger, queues },
  );
  metrics = createWorkerMetrics({ connection, prefix, logger });
  metrics.observe(worker);
  server = await startMetricsServer({ metrics, token: TOKEN, port: 0, host: "127.0.0.1", logger });
});

afterAll(async () => {
  await server.close();
  await metrics.close();
  await worker.close();
  await queues.close();
  await db.$disconnect();
});

describe("worker metrics server", () => {
  it("refuses /metrics without the token or with a wrong one, in the uniform error shape", async () => {
    const anonymous = await scrape({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("content-type")).toMatch(/application\/json/);
    expect(await anonymous.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    const wrong = await scrape({ authorization: "Bearer not-the-metrics-token-000" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("UNAUTHORIZED");
  });

  it("answers /health/live, and 404 in the uniform shape elsewhere", async () => {
    const live = await scrape({}, "/health/live");
    expect(live.status).toBe(200);
    const missing = await scrape({}, "/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });

  it("serves the metrics in Prometheus format with the token", async () => {
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const body = await res.text();
    for (const name of [
      "bullmq_jobs_completed_total",
      "bullmq_jobs_failed_total",
      "bullmq_job_duration_seconds",
      "bullmq_queue_jobs",
      "bullmq_queue_oldest_waiting_job_age_seconds",
      "process_cpu_user_seconds_total",
      "nodejs_eventloop_lag_seconds",
    ])
      expect(body).toContain(`# TYPE ${name} `);
  });

  it("counts exactly the jobs processed: completed and failed by queue, durations by status", async () => {
    const ok = 5;
    const bad = 3;
    for (let i = 0; i < ok + bad; i++) await queues.enqueue(QUEUE, job(i, i >= ok));
    await eventually(async () => {
      const body = await (await scrape()).text();
      return (
        value(body, `bullmq_jobs_completed_total{queue="${QUEUE}"}`) === ok &&
        value(body, `bullmq_jobs_failed_total{queue="${QUEUE}",final="true"}`) === bad
      );
    }, 15_000);
    const body = await (await scrape()).text();
    expect(value(body, `bullmq_jobs_completed_total{queue="${QUEUE}"}`)).toBe(ok);
    expect(value(body, `bullmq_jobs_failed_total{queue="${QUEUE}",final="true"}`)).toBe(bad);
    expect(value(body, `bullmq_jobs_failed_total{queue="${QUEUE}",final="false"}`)).toBe(0);
    expect(value(body, `bullmq_job_duration_seconds_count{queue="${QUEUE}",status="completed"}`)).toBe(ok);
    expect(value(body, `bullmq_job_duration_seconds_count{queue="${QUEUE}",status="failed"}`)).toBe(bad);
    expect(value(body, `bullmq_queue_jobs{queue="${QUEUE}",state="failed"}`)).toBe(bad);
    expect(value(body, `bullmq_queue_jobs{queue="${QUEUE}",state="waiting"}`)).toBe(0);
    expect(value(body, `bullmq_queue_oldest_waiting_job_age_seconds{queue="${QUEUE}"}`)).toBe(0);
  });

  it("reports the depth and the age of the oldest waiting job of a queue nobody consumes", async () => {
    await worker.pause(); // this worker takes no more jobs
    const waiting = 4;
    for (let i = 0; i < waiting; i++) await queues.enqueue(QUEUE, job(100 + i, false));
    await new Promise((r) => setTimeout(r, 300));
    const body = await (await scrape()).text();
    expect(value(body, `bullmq_queue_jobs{queue="${QUEUE}",state="waiting"}`)).toBe(waiting);
    expect(value(body, `bullmq_queue_jobs{queue="${QUEUE}",state="active"}`)).toBe(0);
    expect(value(body, `bullmq_queue_jobs{queue="${QUEUE}",state="delayed"}`)).toBe(0);
    const age = value(body, `bullmq_queue_oldest_waiting_job_age_seconds{queue="${QUEUE}"}`)!;
    expect(age).toBeGreaterThanOrEqual(0.3);
    expect(age).toBeLessThan(30);
    // Nothing was processed meanwhile.
    expect(value(body, `bullmq_jobs_completed_total{queue="${QUEUE}"}`)).toBe(5);
  });

  it("has no /metrics route when no token is configured", async () => {
    const open = await startMetricsServer({ metrics, port: 0, host: "127.0.0.1" });
    try {
      const res = await fetch(`${open.url}/metrics`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
      expect((await fetch(`${open.url}/health/live`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it("answers /health/ready from its backing services: 200 while they answer, 503 naming the one that does not", async () => {
    const up = new Redis(testRedisUrl(), { lazyConnect: true });
    const down = new Redis({
      host: "127.0.0.1",
      port: 1,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    down.on("error", () => {});
    let redis = up;
    const probed = await startMetricsServer({
      metrics,
      port: 0,
      host: "127.0.0.1",
      readiness: () => checkReadiness({ postgres: () => db.$queryRaw`SELECT 1`, redis: () => redis.ping() }),
    });
    try {
      const ok = await fetch(`${probed.url}/health/ready`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({
        status: "ok",
        checks: { postgres: { status: "ok" }, redis: { status: "ok" } },
      });
      redis = down;
      const degraded = await fetch(`${probed.url}/health/ready`);
      expect(degraded.status).toBe(503);
      expect(await degraded.json()).toMatchObject({
        status: "degraded",
        checks: { postgres: { status: "ok" }, redis: { status: "error" } },
        error: { code: "NOT_READY", message: "Not ready: redis unavailable" },
      });
    } finally {
      await probed.close();
      up.disconnect();
      down.disconnect();
    }
    // Without checks there is no readiness route to mislead a probe.
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(404);
  });
});
