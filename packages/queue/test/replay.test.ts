import { randomUUID } from "node:crypto";
import { createDb, type Db, DEMO_ACCOUNTS, type Prisma } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createOutboxRelay,
  createQueueClient,
  type QueueClient,
  type ReplayDeps,
  redisConnection,
  replayEach,
  replayFailedJob,
  replayFailedJobById,
  replayStateOf,
} from "../src";

const log = createLogger({ service: "replay-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let deps: ReplayDeps;
let tenantId: string;
let adminId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 6 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  deps = { db, outbox: createOutboxRelay({ db, queues, log }) };
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.superAdmin } })).id;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const by = () => ({ actorId: adminId, requestId: "req-replay" });

function failedJob(fields: { queue?: string; payload?: Prisma.InputJsonValue; reason?: string } = {}) {
  return db.failedJob.create({
    data: {
      queue: fields.queue ?? "agent__activity-planner",
      jobId: `plan-${randomUUID()}`,
      tenantId,
      payload: fields.payload ?? { tenantId, planId: randomUUID() },
      reason: fields.reason ?? "This run needs 1 credits; 0 are available",
      attempts: 3,
    },
  });
}

/** The row, its audit rows and the outbox: what a refused replay must leave as it was. */
async function stateOf(id: string) {
  return {
    row: await db.failedJob.findUniqueOrThrow({ where: { id } }),
    audits: await db.auditLog.count({ where: { targetId: id } }),
    outbox: await db.outboxJob.count(),
  };
}

describe("replaying a failed job", () => {
  it("runs it again under a new replay id, once, with an audit row, and BullMQ has the job", async () => {
    const row = await failedJob();
    const jobId = await replayFailedJob(deps, row, by());
    expect(jobId).toMatch(/^replay-/);
    const after = await db.failedJob.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ replayJobId: jobId, replayedById: adminId, replayedAt: expect.any(Date) });
    expect(
      await db.auditLog.findMany({
        where: { targetId: row.id },
        select: { action: true, actorId: true, tenantId: true, requestId: true, metadata: true },
      }),
    ).toEqual([
      {
        action: "failed_job.replayed",
        actorId: adminId,
        tenantId,
        requestId: "req-replay",
        metadata: { queue: "agent__activity-planner", jobId },
      },
    ]);
    const job = await queues.queue("agent__activity-planner").getJob(jobId);
    expect(job?.data).toMatchObject({ tenantId, planId: (row.payload as { planId: string }).planId });
    expect(await replayStateOf(queues, after)).toBe("waiting");
    expect(await replayStateOf(queues, row)).toBeNull();
  });

  it("refuses a second replay: 409 ALREADY_REPLAYED, nothing more written", async () => {
    const row = await failedJob();
    const first = await replayFailedJobById(deps, row.id, by());
    const before = await stateOf(row.id);
    await expect(replayFailedJobById(deps, row.id, by())).rejects.toMatchObject({
      statusCode: 409,
      code: "ALREADY_REPLAYED",
      details: { replayJobId: first.replayJobId },
    });
    // A caller holding the row as it was before the first replay loses the claim too.
    await expect(replayFailedJob(deps, row, by())).rejects.toMatchObject({ statusCode: 409, code: "ALREADY_REPLAYED" });
    expect(await stateOf(row.id)).toEqual(before);
  });

  it("of two replays at once, exactly one wins", async () => {
    const row = await failedJob();
    const results = await Promise.allSettled([replayFailedJob(deps, row, by()), replayFailedJob(deps, row, by())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { targetId: row.id } })).toBe(1);
  });

  it.each([
    ["an unknown queue", { queue: "agent__retired-role" }, "Unknown queue agent__retired-role"],
    [
      "a payload the queue refuses",
      { payload: { tenantId: "not-a-uuid" } },
      "The payload is invalid and would fail again",
    ],
  ])("refuses %s: 409 NOT_REPLAYABLE, nothing written", async (_label, fields, message) => {
    const row = await failedJob(fields);
    const before = await stateOf(row.id);
    await expect(replayFailedJob(deps, row, by())).rejects.toMatchObject({
      statusCode: 409,
      code: "NOT_REPLAYABLE",
      message,
    });
    expect(await stateOf(row.id)).toEqual(before);
  });

  it("answers 404 for a failed job that does not exist", async () => {
    await expect(replayFailedJobById(deps, randomUUID(), by())).rejects.toMatchObject({
      statusCode: 404,
      code: "NOT_FOUND",
    });
  });

  it("with Redis unreachable, the replay still stands and its job waits in the outbox", async () => {
    const down = createQueueClient({
      connection: { host: "127.0.0.1", port: 1, lazyConnect: true, maxRetriesPerRequest: 1 },
      enqueueTimeoutMs: 300,
    });
    const row = await failedJob();
    const jobId = await replayFailedJob({ db, outbox: createOutboxRelay({ db, queues: down, log }) }, row, by());
    await down.close();
    expect((await db.failedJob.findUniqueOrThrow({ where: { id: row.id } })).replayJobId).toBe(jobId);
    expect(await db.outboxJob.count({ where: { jobId } })).toBe(1);
    // Once Redis answers, any relay sends it.
    await deps.outbox.flush();
    expect(await db.outboxJob.count({ where: { jobId } })).toBe(0);
    expect(await queues.queue("agent__activity-planner").getJob(jobId)).toBeTruthy();
  });

  it("replayEach replays what it can, in order, and skips what it cannot", async () => {
    const ok1 = await failedJob();
    const bad = await failedJob({ queue: "agent__retired-role" });
    const ok2 = await failedJob();
    const done = await failedJob();
    await replayFailedJob(deps, done, by());
    expect(await replayEach(deps, [ok1, bad, ok2, done], by())).toBe(2);
    const rows = await db.failedJob.findMany({ where: { id: { in: [ok1.id, bad.id, ok2.id] } } });
    expect(rows.find((r) => r.id === bad.id)!.replayedAt).toBeNull();
    expect(rows.filter((r) => r.replayedAt !== null)).toHaveLength(2);
  });
});
