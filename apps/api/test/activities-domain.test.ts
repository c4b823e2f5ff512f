import { randomUUID } from "node:crypto";
import {
  type ActivityStatus,
  createDb,
  type Db,
  type DeliverableType,
  forTenant,
  type TenantDb,
} from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import type { TransitionDeps } from "@leadmetrics/pipeline";
import { createOutboxRelay, createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideAsClient, listActivities } from "../src/domain/activities";
import { activityState, jobsFor } from "./activity-fixtures";
import { seedWeekPlan } from "./plan-fixtures";

// The client's activity functions without HTTP: a real database, a real outbox and queue for the follow-ups.
const log = createLogger({ service: "activities-domain-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let tdb: TenantDb;
let deps: TransitionDeps;
let tenantId: string;
let actor: { userId: string; requestId: string };
let otherTenant: { id: string; planId: string; periodId: string };
let plan: { id: string; periodId: string };
let slot = 0;

async function planOf(forTenantId: string) {
  const { plan: p, period } = await seedWeekPlan(db, forTenantId, "Activities plan");
  return { id: p.id, periodId: period.id };
}

const activity = (
  opts: { status?: ActivityStatus; type?: DeliverableType; updatedAt?: Date; in?: typeof plan; tenantId?: string } = {},
) =>
  db.activity.create({
    data: {
      tenantId: opts.tenantId ?? tenantId,
      planId: (opts.in ?? plan).id,
      periodId: (opts.in ?? plan).periodId,
      slot: slot++,
      type: opts.type ?? "blog_post",
      topic: `Topic ${slot}`,
      status: opts.status ?? "client_review",
      version: 4,
      revision: 1,
      ...(opts.updatedAt ? { updatedAt: opts.updatedAt } : {}),
    },
  });

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  const owner = await db.tenantMember.findFirstOrThrow({ where: { tenantId, role: "owner" } });
  actor = { userId: owner.userId, requestId: "req-client" };
  tdb = forTenant(db, tenantId);
  deps = { tdb, outbox: createOutboxRelay({ db, queues, log }), log };
  plan = await planOf(tenantId);
  const otherId = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
  const otherPlan = await planOf(otherId);
  otherTenant = { id: otherId, planId: otherPlan.id, periodId: otherPlan.periodId };
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

describe("listActivities", () => {
  it("lists the most recently changed first, filters and pages, and counts by status under the type and plan filters", async () => {
    const own = await planOf(tenantId);
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const older = await activity({ in: own, status: "planned", updatedAt: at(20) });
    const newer = await activity({ in: own, status: "client_review", updatedAt: at(1) });
    const social = await activity({ in: own, status: "client_review", type: "social_post", updatedAt: at(10) });
    await activity({ in: { id: otherTenant.planId, periodId: otherTenant.periodId }, tenantId: otherTenant.id });

    const all = await listActivities(tdb, { planId: own.id }, { skip: 0, take: 50 });
    expect(all.rows.map((r) => r.id)).toEqual([newer.id, social.id, older.id]);
    expect(all.total).toBe(3);
    expect(all.countsByStatus).toEqual({ planned: 1, client_review: 2 });
    expect(all.rows[0]).not.toHaveProperty("periodId");

    const reviewing = await listActivities(tdb, { planId: own.id, status: ["client_review"] }, { skip: 1, take: 1 });
    expect(reviewing.rows.map((r) => r.id)).toEqual([social.id]);
    expect(reviewing.total).toBe(2);
    expect(reviewing.countsByStatus).toEqual(all.countsByStatus);

    const blogs = await listActivities(tdb, { planId: own.id, type: "blog_post" }, { skip: 0, take: 50 });
    expect(blogs.rows.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(blogs.countsByStatus).toEqual({ planned: 1, client_review: 1 });

    // Another workspace's activities are never listed.
    const everything = await listActivities(tdb, {}, { skip: 0, take: 200 });
    expect(everything.rows.every((r) => r.tenantId === tenantId)).toBe(true);
  });
});

describe("listActivities: the board's filters, search and cards", () => {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  const named = async (
    inPlan: typeof plan,
    topic: string,
    opts: { status?: ActivityStatus; type?: DeliverableType; channel?: string; title?: string; dueOn?: string } = {},
  ) =>
    db.activity.create({
      data: {
        tenantId,
        planId: inPlan.id,
        periodId: inPlan.periodId,
        slot: slot++,
        type: opts.type ?? "blog_post",
        topic,
        title: opts.title ?? null,
        channel: opts.channel ?? null,
        status: opts.status ?? "client_review",
        dueOn: opts.dueOn ? new Date(opts.dueOn) : null,
      },
    });

  it("filters by plan, type, channel and one or several statuses; counts by status under every other filter", async () => {
    const own = await planOf(tenantId);
    const blog = await named(own, "Spring sale", { status: "dm_review" });
    const linkedin = await named(own, "Spring on LinkedIn", { type: "social_post", channel: "linkedin" });
    const x = await named(own, "Spring on X", { type: "social_post", channel: "x", status: "drafting" });
    const page = { skip: 0, take: 50 };

    const ids = async (filter: Parameters<typeof listActivities>[1]) =>
      (await listActivities(tdb, { planId: own.id, ...filter }, page)).rows.map((r) => r.id).sort();
    expect(await ids({})).toEqual([blog.id, linkedin.id, x.id].sort());
    expect(await ids({ type: "social_post" })).toEqual([linkedin.id, x.id].sort());
    expect(await ids({ channel: "linkedin" })).toEqual([linkedin.id]);
    expect(await ids({ status: ["dm_review"] })).toEqual([blog.id]);
    expect(await ids({ status: ["dm_review", "drafting"] })).toEqual([blog.id, x.id].sort());

    const social = await listActivities(tdb, { planId: own.id, type: "social_post", status: ["drafting"] }, page);
    expect(social.total).toBe(1);
    expect(social.countsByStatus).toEqual({ client_review: 1, drafting: 1 });
  });

  it("searches title and topic case-insensitively, and a typed % or _ matches only itself", async () => {
    const own = await planOf(tenantId);
    const percent = await named(own, "Save 20% this spring");
    const titled = await named(own, "An early topic", { title: "The SPRING checklist" });
    const underscore = await named(own, "snake_case tips");
    await named(own, "Save 200 dollars");
    await named(own, "snakescase tips");
    const search = async (q: string) =>
      (await listActivities(tdb, { planId: own.id, q }, { skip: 0, take: 50 })).rows.map((r) => r.id).sort();

    expect(await search("spring")).toEqual([percent.id, titled.id].sort());
    expect(await search("20%")).toEqual([percent.id]);
    expect(await search("e_c")).toEqual([underscore.id]);
    expect(await search("  checklist ")).toEqual([titled.id]);
    expect(await search("%")).toEqual([percent.id]);
  });

  it("sorts by due date, soonest first and undated last", async () => {
    const own = await planOf(tenantId);
    const later = await named(own, "Later", { dueOn: "2026-12-20" });
    const undated = await named(own, "Undated");
    const sooner = await named(own, "Sooner", { dueOn: "2026-12-08" });
    const rows = (await listActivities(tdb, { planId: own.id }, { skip: 0, take: 50 }, "due")).rows;
    expect(rows.map((r) => r.id)).toEqual([sooner.id, later.id, undated.id]);
  });

  it("gives each card its plan's name, its publish date, and the run drafting it (only while it drafts)", async () => {
    const own = await planOf(tenantId);
    const drafting = await named(own, "Being written", { status: "drafting" });
    const published = await named(own, "Live", { status: "published" });
    const reviewed = await named(own, "Reviewed", { status: "dm_review" });
    const publishedAt = new Date("2026-12-09T10:00:00Z");
    await db.blogPost.create({
      data: {
        tenantId,
        activityId: published.id,
        title: "Live",
        body: "…",
        publishedAt,
        publishedUrl: "https://x.test/live",
      },
    });
    const run = (activityId: string, startedAt: Date, status: "running" | "succeeded" = "running") =>
      db.agentRun.create({
        data: {
          tenantId,
          runKey: `blog-writer:${activityId}:${randomUUID()}`,
          role: "blog-writer",
          activityId,
          adapter: "offline",
          model: "offline",
          status,
          startedAt,
        },
      });
    await run(drafting.id, at(30), "succeeded");
    const running = await run(drafting.id, at(2));
    // A run left marked running on work that moved on is not shown as drafting it.
    await run(reviewed.id, at(5));

    const { rows } = await listActivities(tdb, { planId: own.id }, { skip: 0, take: 50 });
    const card = (id: string) => rows.find((r) => r.id === id)!;
    expect(card(drafting.id)).toMatchObject({
      planName: "Activities plan",
      publishedAt: null,
      activeRun: { id: running.id, role: "blog-writer", startedAt: running.startedAt },
    });
    expect(card(published.id)).toMatchObject({ publishedAt, activeRun: null });
    expect(card(reviewed.id).activeRun).toBeNull();
  });
});

describe("decideAsClient", () => {
  it("approve: the activity goes to publishing, with its event, its audit row and the publisher's job", async () => {
    const a = await activity();
    const result = await decideAsClient(deps, actor, a.id, { action: "client_approve", expectedVersion: 4 });
    expect(result).toMatchObject({ from: "client_review", to: "client_approved" });
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "client_approved",
      version: 5,
    });
    expect(
      await db.auditLog.findMany({
        where: { targetId: a.id },
        select: { tenantId: true, action: true, actorId: true, requestId: true },
      }),
    ).toEqual([{ tenantId, action: "activity.client_approve", actorId: actor.userId, requestId: "req-client" }]);
    expect((await jobsFor(queues, "agent__publisher", a.id)).map((j) => j.data)).toEqual([
      expect.objectContaining({ tenantId, activityId: a.id, attempt: 5 }),
    ]);
  });

  it("reject: back to drafting with the feedback, and the writer's next draft staged", async () => {
    const a = await activity();
    expect((await decideAsClient(deps, actor, a.id, { action: "client_reject", feedback: "Wrong tone" })).to).toBe(
      "drafting",
    );
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "drafting",
      clientRejectionCount: 1,
      revision: 2,
    });
    expect(await db.activityEvent.findFirstOrThrow({ where: { activityId: a.id } })).toMatchObject({
      action: "client_reject",
      actorId: actor.userId,
      feedback: "Wrong tone",
    });
    expect((await jobsFor(queues, "agent__blog-writer", a.id)).map((j) => j.data.wakeReason)).toEqual(["rejection"]);
  });

  it("retry-publish: a failed publication is approved again and handed to the publisher", async () => {
    const a = await activity({ status: "publish_failed" });
    expect((await decideAsClient(deps, actor, a.id, { action: "retry_publish" })).to).toBe("client_approved");
    expect(await jobsFor(queues, "agent__publisher", a.id)).toHaveLength(1);
  });

  it("a refused decision changes nothing: a stale version, a wrong status, a rejection without feedback", async () => {
    const a = await activity();
    const before = await activityState(db, a.id);
    await expect(
      decideAsClient(deps, actor, a.id, { action: "client_approve", expectedVersion: 3 }),
    ).rejects.toMatchObject({ statusCode: 409, code: "STALE_VERSION" });
    await expect(decideAsClient(deps, actor, a.id, { action: "retry_publish" })).rejects.toMatchObject({
      statusCode: 409,
      code: "INVALID_TRANSITION",
    });
    await expect(decideAsClient(deps, actor, a.id, { action: "client_reject", feedback: "" })).rejects.toMatchObject({
      statusCode: 400,
      code: "VALIDATION_ERROR",
    });
    expect(await activityState(db, a.id)).toEqual(before);
  });

  it("answers 404 for another workspace's activity or an unknown one, and changes nothing", async () => {
    const theirs = await activity({
      in: { id: otherTenant.planId, periodId: otherTenant.periodId },
      tenantId: otherTenant.id,
    });
    const before = await activityState(db, theirs.id);
    for (const id of [theirs.id, randomUUID()])
      await expect(decideAsClient(deps, actor, id, { action: "client_approve" })).rejects.toMatchObject({
        statusCode: 404,
        code: "NOT_FOUND",
      });
    expect(await activityState(db, theirs.id)).toEqual(before);
  });
});
