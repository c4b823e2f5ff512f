import { randomUUID } from "node:crypto";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";
import { seedWeekPlan, TWO_POSTS_AND_A_SOCIAL } from "./plan-fixtures";

// Every SQL statement the app sends while a request runs, except the outbox relay's polling,
// which runs on its own timer whatever the request does.
let statements: string[] = [];
const record = (sql: string) => {
  if (!sql.includes('"OutboxJob"')) statements.push(sql);
};

let t: TestApp;
let owner: LoginResult;
let tenantId: string;

beforeAll(async () => {
  t = await createTestApp({}, { onQuery: record });
  owner = await t.login(DEMO_ACCOUNTS.globexOwner);
  tenantId = owner.session.tenantId!;
});
afterAll(() => t.close());

/** A plan with two item lines, a period, activities in two statuses and two planner runs. */
async function seedPlan(n: number) {
  const { plan, period } = await seedWeekPlan(t.db, tenantId, `Counted plan ${n}`, [...TWO_POSTS_AND_A_SOCIAL]);
  await t.db.activity.createMany({
    data: (["planned", "dm_review", "dm_review"] as const).map((status, slot) => ({
      tenantId,
      planId: plan.id,
      periodId: period.id,
      slot,
      type: "blog_post" as const,
      topic: `Topic ${slot}`,
      status,
    })),
  });
  for (const [i, status] of (["failed", "succeeded"] as const).entries())
    await t.db.agentRun.create({
      data: {
        tenantId,
        runKey: `activity-planner:${plan.id}:${i}:${randomUUID()}`,
        role: "activity-planner",
        planId: plan.id,
        adapter: "offline",
        model: "offline",
        status,
        error: status === "failed" ? "first try failed" : null,
        startedAt: new Date(Date.now() - (2 - i) * 60_000),
      },
    });
  return plan.id;
}

async function countedGet(url: string) {
  statements = [];
  const res = await t.app.inject({ method: "GET", url, headers: bearer(owner.accessToken) });
  expect(res.statusCode, res.body).toBe(200);
  return { body: res.json(), queries: statements.length };
}

describe("GET /tenant/v1/plans", () => {
  it("costs the same number of SQL statements for a page of 1 plan and a page of 30", async () => {
    for (let n = 0; n < 30; n++) await seedPlan(n);
    const one = await countedGet("/tenant/v1/plans?pageSize=1");
    const thirty = await countedGet("/tenant/v1/plans?pageSize=30");
    expect(one.body.items).toHaveLength(1);
    expect(thirty.body.items).toHaveLength(30);
    expect(thirty.queries).toBe(one.queries);
    // The whole request (the tenant guard's membership check included) stays small.
    expect(thirty.queries).toBeLessThanOrEqual(8);
  });

  it("answers each plan of a page exactly as its own GET does", async () => {
    const planId = await seedPlan(99);
    const { body } = await countedGet("/tenant/v1/plans?pageSize=100");
    const listed = body.items.find((p: { id: string }) => p.id === planId);
    const { body: single } = await countedGet(`/tenant/v1/plans/${planId}`);
    expect(listed).toEqual(single);
    expect(single).toMatchObject({
      totalDeliverables: 3,
      activityCounts: { planned: 1, dm_review: 2 },
      planning: { status: "succeeded", error: null },
      items: [
        { deliverableType: "blog_post", quantity: 2, channel: null, notes: null },
        { deliverableType: "social_post", quantity: 1, channel: null, notes: null },
      ],
    });
    // Every plan of the page carries its own counts, not a neighbour's.
    for (const item of body.items as { id: string; activityCounts: Record<string, number> }[]) {
      const counts = await t.db.activity.groupBy({
        by: ["status"],
        where: { planId: item.id },
        _count: { _all: true },
      });
      expect(item.activityCounts).toEqual(Object.fromEntries(counts.map((c) => [c.status, c._count._all])));
    }
  });
});

describe("the plan routes", () => {
  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: bearer(owner.accessToken), payload });
  const newPlanBody = {
    name: "Lifecycle",
    cadence: "weekly",
    startDate: "2026-12-07",
    periodCount: 2,
    items: [{ deliverableType: "blog_post", quantity: 2 }],
  };

  it("create → submit → reject → edit (a draft again) → submit → approve: audited, the planner staged with the approval", async () => {
    const created = await call("POST", "/tenant/v1/plans", newPlanBody);
    expect(created.statusCode).toBe(201);
    const plan = created.json();
    expect(plan).toMatchObject({ status: "draft", totalDeliverables: 4, activityCounts: {}, planning: null });
    const url = `/tenant/v1/plans/${plan.id}`;

    const early = await call("POST", `${url}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      error: {
        code: "INVALID_TRANSITION",
        message: "A draft plan cannot become approved",
        details: { from: "draft", to: "approved", allowedFrom: ["pending_approval"] },
      },
    });

    expect((await call("POST", `${url}/submit`)).json()).toMatchObject({ status: "pending_approval" });
    const again = await call("POST", `${url}/submit`);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).message).toBe("A pending approval plan cannot become pending approval");
    const locked = await call("PATCH", url, { name: "Too late" });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toEqual({
      error: { code: "INVALID_TRANSITION", message: "Only a draft or rejected plan can be edited" },
    });

    const rejected = await call("POST", `${url}/reject`, { reason: "Fewer posts" });
    expect(rejected.json()).toMatchObject({
      status: "rejected",
      rejectionReason: "Fewer posts",
      decidedAt: expect.any(String),
    });
    const tooBig = await call("PATCH", url, {
      periodCount: 24,
      items: [{ deliverableType: "blog_post", quantity: 50 }],
    });
    expect(tooBig.statusCode).toBe(400);
    expect(errorOf(tooBig)).toMatchObject({ code: "VALIDATION_ERROR" });
    const edited = await call("PATCH", url, { items: [{ deliverableType: "social_post", quantity: 1 }] });
    expect(edited.json()).toMatchObject({
      status: "draft",
      rejectionReason: null,
      totalDeliverables: 2,
      items: [{ deliverableType: "social_post", quantity: 1, channel: null, notes: null }],
    });

    expect((await call("POST", `${url}/submit`)).json()).toMatchObject({ status: "pending_approval" });
    const approved = await call("POST", `${url}/approve`);
    expect(approved.json()).toMatchObject({ status: "approved", decidedAt: expect.any(String) });
    expect((await t.db.deliverablePlan.findUniqueOrThrow({ where: { id: plan.id } })).decidedById).toBe(
      owner.session.userId,
    );
    expect(await t.queues.queue("agent__activity-planner").getJob(`plan-${plan.id}`)).toBeTruthy();

    const audits = await t.db.auditLog.findMany({ where: { targetId: plan.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual([
      "plan.created",
      "plan.pending_approval",
      "plan.rejected",
      "plan.edited",
      "plan.pending_approval",
      "plan.approved",
    ]);
    expect(audits.every((a) => a.actorId === owner.session.userId && a.requestId && a.tenantId === tenantId)).toBe(
      true,
    );
  });

  it("shows what approval will cost, and approves past the balance only when the client says so", async () => {
    const created = await call("POST", "/tenant/v1/plans", {
      ...newPlanBody,
      items: [
        { deliverableType: "blog_post", quantity: 2 },
        { deliverableType: "social_post", quantity: 3 },
        { deliverableType: "blog_post", quantity: 1 },
      ],
    });
    // Two weeks: 6 blog posts at 10, 6 social posts at 2, and the planner's run.
    expect(created.json().creditEstimate).toEqual({
      planner: 1,
      drafts: [
        { deliverableType: "blog_post", count: 6, creditsEach: 10, credits: 60 },
        { deliverableType: "social_post", count: 6, creditsEach: 2, credits: 12 },
      ],
      total: 73,
    });
    const url = `/tenant/v1/plans/${created.json().id}`;
    await call("POST", `${url}/submit`);
    const balance = await t.db.creditBalance.findUniqueOrThrow({ where: { tenantId } });
    await t.db.creditBalance.update({ where: { tenantId }, data: { available: 40 } });
    try {
      const short = await call("POST", `${url}/approve`, {});
      expect(short.statusCode).toBe(402);
      expect(short.json()).toEqual({
        error: {
          code: "INSUFFICIENT_CREDITS",
          message:
            "This plan needs about 73 credits and 40 are available. Approve it anyway and the work beyond your balance waits until credits are added.",
          details: { needed: 73, available: 40 },
        },
      });
      expect((await call("GET", url)).json().status).toBe("pending_approval");
      expect(await t.queues.queue("agent__activity-planner").getJob(`plan-${created.json().id}`)).toBeUndefined();

      const approved = await call("POST", `${url}/approve`, { acceptShortfall: true });
      expect(approved.statusCode).toBe(200);
      expect(approved.json().status).toBe("approved");
    } finally {
      await t.db.creditBalance.update({ where: { tenantId }, data: { available: balance.available } });
    }
  });

  it("another workspace's plan is not found", async () => {
    const acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const plan = (await call("POST", "/tenant/v1/plans", newPlanBody)).json();
    const res = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/plans/${plan.id}/submit`,
      headers: bearer(acme.accessToken),
    });
    expect(res.statusCode).toBe(404);
    expect((await t.db.deliverablePlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("draft");
  });
});
