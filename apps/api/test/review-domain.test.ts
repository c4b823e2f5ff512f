import { randomUUID } from "node:crypto";
import { type ActivityStatus, createDb, type Db, DEMO_ACCOUNTS, type DeliverableType } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { createOutboxRelay, createQueueClient, type QueueClient, redisConnection } from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decideReview,
  decodeQueueCursor,
  encodeQueueCursor,
  type ReviewDeps,
  reviewedActivity,
  reviewQueue,
} from "../src/domain/review";
import { activityState, jobsFor } from "./activity-fixtures";

// The reviewers' domain functions without HTTP: a real database, a real outbox and queue for the follow-ups.
const log = createLogger({ service: "review-domain-test", level: "silent" });
let db: Db;
let queues: QueueClient;
let deps: ReviewDeps;
let reviewer: { userId: string; requestId: string };
const tenants: Record<"acme" | "globex" | "suspended", { id: string; name: string; periodId: string; planId: string }> =
  {} as never;
let slot = 0;

async function tenantWithPlan(tenantId: string, name: string) {
  const plan = await db.deliverablePlan.create({
    data: {
      tenantId,
      name: "Review plan",
      cadence: "weekly",
      startDate: new Date("2026-12-07"),
      periodCount: 1,
      status: "approved",
    },
  });
  const period = await db.deliverablePeriod.create({
    data: { tenantId, planId: plan.id, index: 0, startsOn: new Date("2026-12-07"), endsOn: new Date("2026-12-13") },
  });
  return { id: tenantId, name, planId: plan.id, periodId: period.id };
}

/** An activity waiting in `status` since `updatedAt`, with one AI draft. */
async function activity(
  which: keyof typeof tenants,
  opts: { status?: ActivityStatus; type?: DeliverableType; updatedAt?: Date } = {},
) {
  const t = tenants[which];
  const type = opts.type ?? "blog_post";
  const row = await db.activity.create({
    data: {
      tenantId: t.id,
      planId: t.planId,
      periodId: t.periodId,
      slot: slot++,
      type,
      topic: `Topic ${slot}`,
      ...(type === "social_post" ? { channel: "linkedin" } : {}),
      status: opts.status ?? "dm_review",
      version: 2,
      revision: 1,
      ...(opts.updatedAt ? { updatedAt: opts.updatedAt } : {}),
    },
  });
  const version = await db.contentVersion.create({
    data: {
      tenantId: t.id,
      activityId: row.id,
      number: 1,
      revision: 1,
      title: "AI title",
      body: "AI body",
      authorType: "agent",
    },
  });
  return db.activity.update({
    where: { id: row.id },
    data: { currentVersionId: version.id, updatedAt: row.updatedAt },
  });
}

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  deps = { db, outbox: createOutboxRelay({ db, queues, log }), log };
  reviewer = {
    userId: (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.reviewer } })).id,
    requestId: "req-review",
  };
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  const globex = await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } });
  const suspended = await db.tenant.create({
    data: { name: "Paused Ltd", slug: `paused-${randomUUID().slice(0, 6)}`, status: "suspended" },
  });
  tenants.acme = await tenantWithPlan(acme.id, acme.name);
  tenants.globex = await tenantWithPlan(globex.id, globex.name);
  tenants.suspended = await tenantWithPlan(suspended.id, suspended.name);
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});

describe("reviewQueue", () => {
  it("lists the longest-waiting first across active tenants, filters and pages, and counts both queues per tenant", async () => {
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const newest = await activity("acme", { updatedAt: at(1) });
    const oldest = await activity("globex", { updatedAt: at(30), type: "social_post" });
    const middle = await activity("acme", { updatedAt: at(10) });
    const stuck = await activity("globex", { status: "needs_attention", updatedAt: at(5) });
    // Counted for the reviewers (the client's credits ran out), listed in neither queue.
    await activity("globex", { status: "waiting_for_credits", updatedAt: at(45) });
    await activity("suspended", { updatedAt: at(60) });
    await activity("suspended", { status: "needs_attention", updatedAt: at(60) });

    const all = await reviewQueue(db, "dm_review", {}, { skip: 0, take: 50 });
    expect(all.items.map((i) => i.activity.id)).toEqual([oldest.id, middle.id, newest.id]);
    expect(all.items.map((i) => i.tenantName)).toEqual([tenants.globex.name, tenants.acme.name, tenants.acme.name]);
    expect(all.total).toBe(3);
    expect(all.counts).toEqual({
      dm_review: 3,
      needs_attention: 1,
      waiting_for_credits: 1,
      byTenant: expect.arrayContaining([
        {
          tenantId: tenants.acme.id,
          tenantName: tenants.acme.name,
          dm_review: 2,
          needs_attention: 0,
          waiting_for_credits: 0,
        },
        {
          tenantId: tenants.globex.id,
          tenantName: tenants.globex.name,
          dm_review: 1,
          needs_attention: 1,
          waiting_for_credits: 1,
        },
      ]),
    });
    expect(all.counts.byTenant).toHaveLength(2);

    const second = await reviewQueue(db, "dm_review", {}, { skip: 1, take: 1 });
    expect(second.items.map((i) => i.activity.id)).toEqual([middle.id]);
    expect(second.total).toBe(3);
    expect(second.counts).toEqual(all.counts);

    const acmeOnly = await reviewQueue(db, "dm_review", { tenantId: tenants.acme.id }, { skip: 0, take: 1 });
    expect(acmeOnly.items.map((i) => i.activity.id)).toEqual([middle.id]);
    expect(acmeOnly.total).toBe(2);
    const socialOnly = await reviewQueue(db, "dm_review", { type: "social_post" }, { skip: 0, take: 50 });
    expect(socialOnly.items.map((i) => i.activity.id)).toEqual([oldest.id]);
    expect(socialOnly.total).toBe(1);
    // A suspended tenant's work waits: none of it is listed or counted, even when asked for by name.
    const paused = await reviewQueue(db, "dm_review", { tenantId: tenants.suspended.id }, { skip: 0, take: 50 });
    expect(paused).toMatchObject({ items: [], total: 0 });
    const attention = await reviewQueue(db, "needs_attention", {}, { skip: 0, take: 50 });
    expect(attention.items.map((i) => i.activity.id)).toEqual([stuck.id]);
    expect(attention.total).toBe(1);

    // The rest of the file decides about its own activities.
    await db.activity.updateMany({
      where: { id: { in: [newest.id, oldest.id, middle.id, stuck.id] } },
      data: { status: "client_approved" },
    });
  });
});

describe("reviewQueue by cursor", () => {
  it("walks every page forward and back without a repeat or a gap, through rows that share an instant", async () => {
    const same = new Date(Date.now() - 3 * 60 * 60_000);
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await activity(i % 2 ? "acme" : "globex", { updatedAt: same })).id);
    for (let i = 0; i < 4; i++)
      made.push((await activity("acme", { updatedAt: new Date(same.getTime() + (i + 1) * 1_000) })).id);
    const mine = new Set(made);
    const ofMine = (p: { items: { activity: { id: string } }[] }) =>
      p.items.map((i) => i.activity.id).filter((id) => mine.has(id));

    const byOffset = await reviewQueue(db, "dm_review", {}, { skip: 0, take: 100 });
    const order = ofMine(byOffset);
    expect(order).toHaveLength(11);

    const forward: string[][] = [];
    let page = await reviewQueue(db, "dm_review", {}, { skip: 0, take: 3 });
    expect(page.cursors.prev).toBeNull();
    const pages = [page];
    forward.push(ofMine(page));
    while (page.cursors.next) {
      page = await reviewQueue(db, "dm_review", {}, { take: 3, cursor: page.cursors.next });
      pages.push(page);
      forward.push(ofMine(page));
    }
    expect(forward.flat()).toEqual(order);
    expect(pages.at(-1)!.items.length).toBeGreaterThan(0);

    // Back from the last page, each page is the one before it, in the same order.
    const backward: string[][] = [];
    page = pages.at(-1)!;
    while (page.cursors.prev) {
      page = await reviewQueue(db, "dm_review", {}, { take: 3, cursor: page.cursors.prev });
      backward.unshift(ofMine(page));
    }
    expect([...backward, forward.at(-1)!].flat()).toEqual(order);
    expect(page.items.map((i) => i.activity.id)).toEqual(pages[0]!.items.map((i) => i.activity.id));

    await db.activity.updateMany({ where: { id: { in: made } }, data: { status: "client_approved" } });
  });

  it("reads cursors it wrote and nothing else", () => {
    const c = { direction: "after" as const, updatedAt: new Date("2026-12-02T10:00:00.123Z"), id: randomUUID() };
    expect(decodeQueueCursor(encodeQueueCursor(c))).toEqual(c);
    for (const bad of [
      "",
      "abc",
      Buffer.from('["x","2026-12-02T10:00:00Z","a"]').toString("base64url"),
      Buffer.from(`["a","not a date","${randomUUID()}"]`).toString("base64url"),
      Buffer.from('["a","2026-12-02T10:00:00Z","not-a-uuid"]').toString("base64url"),
      Buffer.from('{"direction":"after"}').toString("base64url"),
    ]) {
      expect(decodeQueueCursor(bad)).toBeUndefined();
    }
  });
});

describe("reviewedActivity", () => {
  it("gives the activity with its versions, its tenant's name and the latest client context", async () => {
    const a = await activity("globex");
    await db.clientContext.createMany({
      data: [1, 2].map((version) => ({
        tenantId: tenants.globex.id,
        version: 100 + version,
        brandVoice: `voice ${version}`,
        audience: "a",
        products: "p",
      })),
    });
    const detail = await reviewedActivity(db, a.id);
    const { timezone } = await db.tenant.findUniqueOrThrow({ where: { id: tenants.globex.id } });
    // Dated in the client's own zone on the review page.
    expect(detail).toMatchObject({
      id: a.id,
      status: "dm_review",
      tenantName: tenants.globex.name,
      tenantTimezone: timezone,
    });
    expect(detail.versions.map((v) => v.title)).toEqual(["AI title"]);
    expect(detail.clientContext).toEqual({ version: 102, brandVoice: "voice 2", audience: "a", products: "p" });
  });

  it("answers 404 for an unknown activity", async () => {
    await expect(reviewedActivity(db, randomUUID())).rejects.toMatchObject({ statusCode: 404, code: "NOT_FOUND" });
  });
});

describe("decideReview", () => {
  it("approve: to the client's review, with the event, the audit row and the client's notification", async () => {
    const a = await activity("acme");
    const result = await decideReview(deps, reviewer, a.id, { action: "dm_approve", expectedVersion: 2 });
    expect(result).toMatchObject({ from: "dm_review", to: "client_review" });
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "client_review",
      version: 3,
    });
    expect(
      await db.activityEvent.findMany({ where: { activityId: a.id }, select: { action: true, actorId: true } }),
    ).toEqual([{ action: "dm_approve", actorId: reviewer.userId }]);
    expect(
      await db.auditLog.findMany({
        where: { targetId: a.id },
        select: { tenantId: true, action: true, actorId: true, requestId: true },
      }),
    ).toEqual([
      { tenantId: tenants.acme.id, action: "activity.dm_approve", actorId: reviewer.userId, requestId: "req-review" },
    ]);
    const notes = await jobsFor(queues, "notifications__dispatch", a.id);
    expect(notes.map((j) => [j.data.event, j.data.recipient])).toEqual([
      ["ready_for_client_review", { group: "tenant_admins" }],
    ]);
  });

  it("reject: back to drafting with the feedback, and the writer's next draft staged", async () => {
    const a = await activity("globex");
    const result = await decideReview(deps, reviewer, a.id, { action: "dm_reject", feedback: "Too long" });
    expect(result.to).toBe("drafting");
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "drafting",
      revision: 2,
      dmRejectionCount: 1,
    });
    expect(await db.activityEvent.findFirstOrThrow({ where: { activityId: a.id } })).toMatchObject({
      action: "dm_reject",
      feedback: "Too long",
    });
    // The history names the reviewer and the version they rejected.
    expect((await reviewedActivity(db, a.id)).events).toEqual([
      expect.objectContaining({
        action: "dm_reject",
        actorName: "Riley Reviewer",
        actorRole: "reviewer",
        versionNumber: 1,
      }),
    ]);
    const drafts = await jobsFor(queues, "agent__blog-writer", a.id);
    expect(drafts.map((j) => j.data)).toEqual([
      expect.objectContaining({ tenantId: tenants.globex.id, revision: 2, wakeReason: "rejection" }),
    ]);
  });

  it("edit-and-approve keeps the reviewer's text as a human version and the post's text", async () => {
    const a = await activity("acme");
    await decideReview(deps, reviewer, a.id, {
      action: "dm_edit_approve",
      title: "Reviewer title",
      body: "A body the reviewer wrote themselves.",
    });
    const fresh = await db.activity.findUniqueOrThrow({ where: { id: a.id } });
    expect(fresh.status).toBe("client_review");
    const version = await db.contentVersion.findUniqueOrThrow({ where: { id: fresh.currentVersionId! } });
    expect(version).toMatchObject({
      number: 2,
      revision: 1,
      title: "Reviewer title",
      authorType: "user",
      authorUserId: reviewer.userId,
    });
    expect(await db.blogPost.findUniqueOrThrow({ where: { activityId: a.id } })).toMatchObject({
      title: "Reviewer title",
      body: "A body the reviewer wrote themselves.",
    });
  });

  it("retry takes an activity out of needs attention and asks the writer again", async () => {
    const a = await activity("acme", { status: "needs_attention" });
    await db.activity.update({ where: { id: a.id }, data: { dmRejectionCount: 3 } });
    expect((await decideReview(deps, reviewer, a.id, { action: "dm_retry" })).to).toBe("drafting");
    expect(await db.activity.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "drafting",
      dmRejectionCount: 0,
    });
    expect((await jobsFor(queues, "agent__blog-writer", a.id)).map((j) => j.data.wakeReason)).toEqual(["new_task"]);
  });

  it("a refused decision changes nothing: a stale version, a wrong status, a rejection without feedback", async () => {
    const a = await activity("globex");
    const before = await activityState(db, a.id);
    await expect(
      decideReview(deps, reviewer, a.id, { action: "dm_approve", expectedVersion: 1 }),
    ).rejects.toMatchObject({ statusCode: 409, code: "STALE_VERSION" });
    await expect(decideReview(deps, reviewer, a.id, { action: "dm_retry" })).rejects.toMatchObject({
      statusCode: 409,
      code: "INVALID_TRANSITION",
    });
    await expect(decideReview(deps, reviewer, a.id, { action: "dm_reject", feedback: "   " })).rejects.toMatchObject({
      statusCode: 400,
      code: "VALIDATION_ERROR",
    });
    await expect(
      decideReview(deps, reviewer, a.id, {
        action: "dm_edit_approve",
        title: "Stale edit",
        body: "This edit arrives after someone else acted.",
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ statusCode: 409, code: "STALE_VERSION" });
    expect(await activityState(db, a.id)).toEqual(before);
  });

  it("answers 404 for an unknown activity", async () => {
    await expect(decideReview(deps, reviewer, randomUUID(), { action: "dm_approve" })).rejects.toMatchObject({
      statusCode: 404,
      code: "NOT_FOUND",
    });
  });
});
