import { randomUUID } from "node:crypto";
import { createDb, type Db, forTenant, TenantScopeError } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOutboxRelay,
  createQueueClient,
  QUEUE_EVENTS_MAX_LEN,
  type QueueClient,
  redisConnection,
  type StagedJob,
  stageJobs,
} from "../src";

const log = createLogger({ service: "outbox-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let tenantId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 6 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const planJob = (planId = randomUUID()): StagedJob => ({
  queue: "agent__activity-planner",
  payload: { tenantId, planId },
});
const notifyJob = (): StagedJob => ({
  queue: "notifications__dispatch",
  payload: { tenantId, recipient: { group: "operators" }, event: "job_failed", data: {}, dedupeKey: randomUUID() },
});
const outboxRows = () => db.outboxJob.count();
const jobCount = async (q: "agent__activity-planner" | "notifications__dispatch") =>
  await queues.queue(q).getJobCountByTypes("waiting", "delayed", "active", "completed", "failed");

describe("transactional outbox", () => {
  it("stages nothing when the transaction rolls back", async () => {
    const before = await outboxRows();
    await expect(
      db.$transaction(async (tx) => {
        await stageJobs(tx, [planJob()]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await outboxRows()).toBe(before);
  });

  it("refuses to stage an invalid payload, so the change itself fails", async () => {
    await expect(
      stageJobs(db, [{ queue: "agent__activity-planner", payload: { tenantId: "not-a-uuid", planId: "x" } } as never]),
    ).rejects.toMatchObject({ code: "INVALID_JOB_PAYLOAD" });
  });

  it("flushes staged jobs to BullMQ under the job id fixed at staging, and deletes the rows", async () => {
    const relay = createOutboxRelay({ db, queues, log });
    const planId = randomUUID();
    const ids = await db.$transaction((tx) => stageJobs(tx, [planJob(planId), notifyJob()]));
    const staged = await db.outboxJob.findMany({ where: { id: { in: ids } } });
    expect(staged.map((r) => r.jobId).sort()).toEqual(
      [`plan-${planId}`, staged.find((r) => r.queue === "notifications__dispatch")!.id].sort(),
    );

    expect(await relay.flush(ids)).toBe(2);
    expect(await db.outboxJob.count({ where: { id: { in: ids } } })).toBe(0);
    expect(await queues.queue("agent__activity-planner").getJob(`plan-${planId}`)).toBeTruthy();
    // Flushing the same ids again (a second relay, a retried request) adds nothing.
    expect(await relay.flush(ids)).toBe(0);
  });

  it("stages a tenant transaction's jobs through the SQL layer: the same rows, and none of another tenant", async () => {
    const planId = randomUUID();
    const tdb = forTenant(db, tenantId);
    const ids = await tdb.$transaction((tx) => stageJobs(tx, [planJob(planId), notifyJob()]));
    const staged = await db.outboxJob.findMany({ where: { id: { in: ids } }, orderBy: { queue: "asc" } });
    expect(staged.map((r) => [r.tenantId, r.queue, r.attempts, r.claimedUntil.getTime()])).toEqual([
      [tenantId, "agent__activity-planner", 0, 0],
      [tenantId, "notifications__dispatch", 0, 0],
    ]);
    expect(staged[0]!.jobId).toBe(`plan-${planId}`);
    expect(staged[0]!.payload).toEqual({ tenantId, planId });
    expect(Math.abs(staged[0]!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    await db.outboxJob.deleteMany({ where: { id: { in: ids } } });

    const other = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
    const foreign: StagedJob = { queue: "agent__activity-planner", payload: { tenantId: other, planId } };
    await expect(tdb.$transaction((tx) => stageJobs(tx, [foreign]))).rejects.toThrow(TenantScopeError);
  });

  it("keeps each queue's event stream short", async () => {
    const q = queues.queue("notifications__dispatch");
    await q.waitUntilReady();
    // The queue writes its settings once it is connected.
    for (let i = 0; i < 50 && (await q.getMeta()).maxLenEvents !== QUEUE_EVENTS_MAX_LEN; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await q.getMeta()).maxLenEvents).toBe(QUEUE_EVENTS_MAX_LEN);
  });

  it("keeps the rows while Redis is unreachable and relays them once it answers", async () => {
    const down = createQueueClient({
      connection: { host: "127.0.0.1", port: 1, lazyConnect: true, maxRetriesPerRequest: 1 },
      enqueueTimeoutMs: 300,
    });
    const broken = createOutboxRelay({ db, queues: down, log });
    const ids = await db.$transaction((tx) => stageJobs(tx, [notifyJob(), notifyJob(), notifyJob()]));
    expect(await broken.flush(ids)).toBe(0);
    const kept = await db.outboxJob.findMany({ where: { id: { in: ids } } });
    expect(kept).toHaveLength(3);
    expect(kept.every((r) => r.lastError && r.claimedUntil.getTime() <= Date.now())).toBe(true);
    await down.close();

    // Redis is back: the poller (any process's) picks the rows up without being told their ids.
    const jobsBefore = await jobCount("notifications__dispatch");
    const relay = createOutboxRelay({ db, queues, log, intervalMs: 50 });
    relay.start();
    const deadline = Date.now() + 10_000;
    while ((await db.outboxJob.count({ where: { id: { in: ids } } })) > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await relay.stop();
    expect(await db.outboxJob.count({ where: { id: { in: ids } } })).toBe(0);
    expect((await jobCount("notifications__dispatch")) - jobsBefore).toBe(3);
    for (const row of kept) expect(await queues.queue("notifications__dispatch").getJob(row.jobId)).toBeTruthy();
  });

  it("two relays draining one outbox side by side add every job exactly once", async () => {
    const jobs = Array.from({ length: 300 }, () => notifyJob());
    await db.$transaction((tx) => stageJobs(tx, jobs));
    const before = await jobCount("notifications__dispatch");
    const a = createOutboxRelay({ db, queues, log, batchSize: 25 });
    const b = createOutboxRelay({ db, queues, log, batchSize: 25 });
    const [sentA, sentB] = await Promise.all([a.flush(), b.flush()]);
    expect(sentA + sentB).toBe(300);
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    expect(await outboxRows()).toBe(0);
    expect((await jobCount("notifications__dispatch")) - before).toBe(300);
  });

  it("a staged row the queue no longer accepts becomes a FailedJob instead of blocking the outbox", async () => {
    const id = randomUUID();
    await db.outboxJob.create({
      data: {
        id,
        tenantId,
        queue: "agent__activity-planner",
        jobId: `plan-broken`,
        payload: { tenantId, planId: 42 },
        claimedUntil: new Date(0),
      },
    });
    const relay = createOutboxRelay({ db, queues, log });
    await relay.flush([id]);
    expect(await db.outboxJob.count({ where: { id } })).toBe(0);
    const failed = await db.failedJob.findUniqueOrThrow({
      where: { queue_jobId: { queue: "agent__activity-planner", jobId: "plan-broken" } },
    });
    expect(failed.reason).toMatch(/invalid agent__activity-planner job/);
  });
});
