import { randomUUID } from "node:crypto";
import { createDb, type Db, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import {
  AGENT_ROLES,
  createOutboxRelay,
  createQueueClient,
  type QueueClient,
  redisConnection,
} from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentConfigsOf, saveAgentConfig } from "../src/domain/agent-configs";
import { listAuditLog, nameAuditRows } from "../src/domain/audit-log";
import { type CreditGrantDeps, grantCreditsAndResume, tenantCredits } from "../src/domain/credits";
import {
  describeFailedJobs,
  failedJobWithReplayState,
  listFailedJobs,
  plainFailureReason,
} from "../src/domain/failed-jobs";
import { listTenants, setTenantStatus } from "../src/domain/tenants";

// The admin operations' domain functions, without HTTP, on a real database and queue.
const log = createLogger({ service: "admin-operations-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let deps: CreditGrantDeps;
let tenantId: string;
let adminId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  deps = { db, outbox: createOutboxRelay({ db, queues, log }) };
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.superAdmin } })).id;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

const failedPlannerJob = (reason: string, createdAt: Date) =>
  db.failedJob.create({
    data: {
      queue: "agent__activity-planner",
      jobId: `plan-${randomUUID()}`,
      tenantId,
      payload: { tenantId, planId: randomUUID() },
      reason,
      attempts: 1,
      createdAt,
    },
  });

describe("grantCreditsAndResume", () => {
  it("grants, then replays only the tenant's jobs that stopped for want of credits, oldest first", async () => {
    const older = await failedPlannerJob("This run needs 1 credits; 0 are available", new Date(Date.now() - 60_000));
    const newer = await failedPlannerJob("This run needs 10 credits; 0 are available", new Date());
    const other = await failedPlannerJob("no WordPress site is connected", new Date());
    const before = (await db.creditBalance.findUniqueOrThrow({ where: { tenantId } })).available;

    const result = await grantCreditsAndResume(deps, {
      tenantId,
      amount: 25,
      note: "Top-up",
      actorId: adminId,
      requestId: "req-grant",
    });
    expect(result.resumedJobs).toBe(2);
    expect(result.balance.available).toBe(before + 25);
    expect(result.entry).toMatchObject({ kind: "grant", amount: 25, note: "Top-up", actorId: adminId });
    const rows = await db.failedJob.findMany({ where: { id: { in: [older.id, newer.id, other.id] } } });
    const replayed = (id: string) => rows.find((r) => r.id === id)!.replayedAt;
    expect(replayed(older.id)!.getTime()).toBeLessThanOrEqual(replayed(newer.id)!.getTime());
    expect(replayed(other.id)).toBeNull();
    expect(
      await db.auditLog.count({ where: { action: "failed_job.replayed", requestId: "req-grant", actorId: adminId } }),
    ).toBe(2);

    // Nothing left waiting: the next grant resumes nothing.
    expect(
      (await grantCreditsAndResume(deps, { tenantId, amount: 1, note: "Again", actorId: adminId })).resumedJobs,
    ).toBe(0);
  });

  it("answers 404 for an unknown tenant and grants nothing", async () => {
    const ledger = await db.creditLedger.count();
    await expect(
      grantCreditsAndResume(deps, { tenantId: randomUUID(), amount: 5, note: "Nobody", actorId: adminId }),
    ).rejects.toMatchObject({ statusCode: 404, code: "NOT_FOUND" });
    expect(await db.creditLedger.count()).toBe(ledger);
  });
});

describe("failed jobs", () => {
  it("lists by queue, tenant and replayed, and tells a replay's BullMQ state", async () => {
    const waiting = await failedPlannerJob("This run needs 1 credits; 0 are available", new Date());
    await grantCreditsAndResume(deps, { tenantId, amount: 1, note: "Top-up", actorId: adminId });
    const notReplayed = await failedPlannerJob("something else", new Date());
    const replayedPage = await listFailedJobs(db, { tenantId, replayed: true }, { skip: 0, take: 100 });
    expect(replayedPage.rows.map((r) => r.id)).toContain(waiting.id);
    expect(replayedPage.rows.every((r) => r.replayedAt !== null)).toBe(true);
    const open = await listFailedJobs(
      db,
      { queue: "agent__activity-planner", replayed: false },
      { skip: 0, take: 100 },
    );
    expect(open.rows.map((r) => r.id)).toContain(notReplayed.id);
    expect(open.total).toBe(open.rows.length);

    expect((await failedJobWithReplayState({ db, queues }, waiting.id)).replayState).toBe("waiting");
    expect((await failedJobWithReplayState({ db, queues }, notReplayed.id)).replayState).toBeNull();
    await expect(failedJobWithReplayState({ db, queues }, randomUUID())).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("agent configs", () => {
  it("every role is listed, on the offline default until configured; saving is audited", async () => {
    const defaults = await agentConfigsOf(db, tenantId);
    expect(defaults.map((c) => c.role)).toEqual([...AGENT_ROLES]);
    expect(defaults.every((c) => !c.configured && c.adapter === "offline")).toBe(true);

    const saved = await saveAgentConfig(db, {
      tenantId,
      role: "blog-writer",
      config: { adapter: "anthropic", model: "claude-x", temperature: 0.3, enabled: true },
      actorId: adminId,
      requestId: "req-config",
    });
    expect(saved).toEqual({
      role: "blog-writer",
      adapter: "anthropic",
      model: "claude-x",
      temperature: 0.3,
      enabled: true,
      configured: true,
    });
    expect((await agentConfigsOf(db, tenantId)).find((c) => c.role === "blog-writer")).toEqual(saved);
    expect(
      await db.auditLog.count({ where: { tenantId, action: "agent_config.updated", requestId: "req-config" } }),
    ).toBe(1);
    await expect(agentConfigsOf(db, randomUUID())).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("setTenantStatus", () => {
  it("suspends and reactivates with audit rows; the same status twice is a 409, an unknown tenant a 404", async () => {
    const id = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
    const by = { actorId: adminId, requestId: "req-status" };
    await setTenantStatus(db, { tenantId: id, action: "suspend", reason: "unpaid invoice", ...by });
    expect(await db.tenant.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "suspended",
      suspendedReason: "unpaid invoice",
      suspendedAt: expect.any(Date),
    });
    await expect(setTenantStatus(db, { tenantId: id, action: "suspend", ...by })).rejects.toMatchObject({
      statusCode: 409,
      code: "INVALID_STATE",
      message: "Tenant is already suspended",
    });
    await setTenantStatus(db, { tenantId: id, action: "reactivate", ...by });
    expect(await db.tenant.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "active",
      suspendedReason: null,
      suspendedAt: null,
    });
    expect(
      (
        await db.auditLog.findMany({
          where: { tenantId: id, requestId: "req-status" },
          orderBy: { createdAt: "asc" },
          select: { action: true, metadata: true },
        })
      ).map((a) => a.action),
    ).toEqual(["tenant.suspended", "tenant.reactivated"]);
    await expect(setTenantStatus(db, { tenantId: randomUUID(), action: "reactivate", ...by })).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("nameAuditRows", () => {
  it("names the actor, the tenant and the target; a gone or nameless target keeps its id only", async () => {
    const globex = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const admin = await db.user.findUniqueOrThrow({ where: { id: adminId } });
    const job = await db.failedJob.create({
      data: { queue: "agent__blog-writer", jobId: "named-1", payload: {}, reason: "named", attempts: 4 },
    });
    const base = { tenantId, actorId: adminId, requestId: "req-named", metadata: {} };
    await db.auditLog.createMany({
      data: [
        { ...base, action: "tenant.named", targetType: "Tenant", targetId: tenantId },
        { ...base, action: "job.named", targetType: "FailedJob", targetId: job.id },
        { ...base, action: "user.named", targetType: "User", targetId: adminId },
        { ...base, action: "gone.named", targetType: "Activity", targetId: randomUUID() },
        { ...base, action: "odd.named", targetType: "Test", targetId: "not-a-uuid", actorId: null },
      ],
    });
    const { rows } = await listAuditLog(db, { action: undefined }, { skip: 0, take: 5 });
    const named = await nameAuditRows(db, rows);
    const by = (action: string) => named.find((r) => r.action === action)!;
    expect(by("tenant.named")).toMatchObject({
      actor: { id: adminId, name: admin.name, email: admin.email },
      tenantName: globex.name,
      targetName: globex.name,
    });
    expect(by("job.named").targetName).toBe("agent__blog-writer");
    expect(by("user.named")).toMatchObject({ targetName: admin.name, targetEmail: admin.email });
    expect(by("gone.named").targetName).toBeNull();
    expect(by("odd.named")).toMatchObject({ actor: null, targetName: null, targetType: "Test" });
  });
});

describe("listTenants", () => {
  it("pages newest first with each tenant's own member count, filtered by status and search", async () => {
    const all = await listTenants(db, {}, { skip: 0, take: 100 });
    const expected = await db.tenant.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, _count: { select: { members: true } } },
    });
    expect(all.total).toBe(expected.length);
    expect(all.items.map((t) => [t.id, t._count.members])).toEqual(expected.map((t) => [t.id, t._count.members]));
    expect(all.items.some((t) => t._count.members > 0)).toBe(true);

    const second = await listTenants(db, {}, { skip: 1, take: 1 });
    expect(second.items.map((t) => t.id)).toEqual([expected[1]!.id]);
    expect(second.items[0]!._count.members).toBe(expected[1]!._count.members);

    const found = await listTenants(db, { search: "GLOBEX" }, { skip: 0, take: 10 });
    expect(found.items.map((t) => t.id)).toEqual([tenantId]);
    expect(found.total).toBe(1);
    expect((await listTenants(db, { status: "suspended", search: "globex" }, { skip: 0, take: 10 })).items).toEqual([]);
  });
});

describe("tenantCredits", () => {
  it("gives the balance, what waits for credits, and the ledger newest first with runs and granters named", async () => {
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
    // A grant first: the work below waits after it.
    await grantCreditsAndResume(deps, { tenantId: acme.id, amount: 5, note: "Named grant", actorId: adminId });
    const plan = await db.deliverablePlan.create({
      data: {
        tenantId: acme.id,
        name: "Ledger plan",
        cadence: "weekly",
        startDate: new Date("2026-01-05"),
        periodCount: 1,
      },
    });
    const period = await db.deliverablePeriod.create({
      data: {
        tenantId: acme.id,
        planId: plan.id,
        index: 0,
        startsOn: new Date("2026-01-05"),
        endsOn: new Date("2026-01-11"),
      },
    });
    const activity = await db.activity.create({
      data: {
        tenantId: acme.id,
        planId: plan.id,
        periodId: period.id,
        slot: 0,
        type: "blog_post",
        topic: "Waiting topic",
        title: "A post that waits",
        status: "waiting_for_credits",
      },
    });
    const runKey = `blog-writer:${activity.id}:r0`;
    await db.agentRun.create({
      data: {
        tenantId: acme.id,
        runKey,
        role: "blog-writer",
        activityId: activity.id,
        adapter: "offline",
        model: "offline",
      },
    });
    await db.creditLedger.create({
      data: {
        tenantId: acme.id,
        kind: "run",
        status: "settled",
        amount: 10,
        runKey,
        createdAt: new Date(Date.now() + 1_000),
      },
    });
    await db.failedJob.create({
      data: {
        queue: "agent__blog-writer",
        jobId: `draft-${activity.id}-r0`,
        tenantId: acme.id,
        payload: { tenantId: acme.id, activityId: activity.id, revision: 0, wakeReason: "new_task" },
        reason: "This run needs 10 credits; 5 are available",
        attempts: 1,
      },
    });

    const view = await tenantCredits(db, acme.id, { skip: 0, take: 50 });
    const balance = await db.creditBalance.findUniqueOrThrow({ where: { tenantId: acme.id } });
    expect(view).toMatchObject({ available: balance.available, reserved: balance.reserved });
    expect(view.waiting).toMatchObject({
      activityCount: 1,
      activities: [{ id: activity.id, title: "A post that waits" }],
      jobCount: 1,
      jobsByQueue: [{ queue: "agent__blog-writer", label: "Blog writer", count: 1 }],
    });
    const [run, grant] = view.ledger.entries;
    expect(run).toMatchObject({
      kind: "run",
      status: "settled",
      amount: 10,
      run: { role: "blog-writer", activityId: activity.id, subject: "A post that waits" },
      actor: null,
    });
    const admin = await db.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(grant).toMatchObject({ kind: "grant", note: "Named grant", actor: { id: adminId, name: admin.name } });
    expect(view.ledger.total).toBe(await db.creditLedger.count({ where: { tenantId: acme.id } }));
    const times = view.ledger.entries.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(tenantCredits(db, randomUUID(), { skip: 0, take: 10 })).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("describeFailedJobs", () => {
  it("names the queue, the tenant and the plan or activity, and words the reason", async () => {
    const globex = await db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
    const plan = await db.deliverablePlan.create({
      data: { tenantId, name: "Described plan", cadence: "weekly", startDate: new Date("2026-02-02"), periodCount: 1 },
    });
    const planJob = await db.failedJob.create({
      data: {
        queue: "agent__activity-planner",
        jobId: `plan-${plan.id}`,
        tenantId,
        payload: { tenantId, planId: plan.id },
        reason: "This run needs 1 credits; 0 are available",
        attempts: 1,
      },
    });
    const orphan = await db.failedJob.create({
      data: {
        queue: "notifications__email",
        jobId: `x-${randomUUID()}`,
        payload: { nope: 1 },
        reason: "boom",
        attempts: 4,
      },
    });
    const [p, o] = await describeFailedJobs(db, [planJob, orphan]);
    expect(p).toMatchObject({
      queueLabel: "Activity planner",
      waitsForCredits: true,
      tenant: { id: tenantId, name: globex.name },
      subject: { kind: "plan", id: plan.id, name: "Described plan" },
    });
    expect(p!.reasonText).toContain("Not enough credits: the run needed 1 and the workspace had 0");
    expect(o).toMatchObject({ queueLabel: "Email notifications", tenant: null, subject: null, reasonText: "Boom" });
    expect(await describeFailedJobs(db, [])).toEqual([]);
  });

  it("words the reasons workers record, and keeps the first line of any other", () => {
    expect(plainFailureReason("the blog-writer agent is disabled for this tenant")).toContain(
      "The Blog writer agent is turned off for this workspace",
    );
    expect(
      plainFailureReason('the openai adapter needs OPENAI_API_KEY; set it or switch the agent config to "offline"'),
    ).toContain("it needs OPENAI_API_KEY");
    expect(plainFailureReason("invalid payload: planId Invalid UUID")).toContain("(planId Invalid UUID)");
    expect(plainFailureReason("Error: socket hang up\n    at thing (file.js:1:1)")).toBe("Socket hang up");
    expect(plainFailureReason("")).toBe("The job failed without saying why.");
  });
});
