import {
  type ActivityStatus,
  type ActorType,
  createDb,
  type Db,
  DEMO_ACCOUNTS,
  forTenant,
  type PlanStatus,
  type TenantDb,
} from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ActivityAction,
  MAX_DM_REJECTIONS,
  PLAN_STATUSES,
  PLAN_TRANSITIONS,
  type PlanAction,
  TRANSITIONS,
  transitionActivity,
  transitionPlan,
} from "../src";

// Every status, spelled out so that a status added to the schema fails to compile here until it is covered.
const ACTIVITY_STATUSES = Object.keys({
  planned: 1,
  drafting: 1,
  waiting_for_credits: 1,
  dm_review: 1,
  client_review: 1,
  client_approved: 1,
  publishing: 1,
  published: 1,
  publish_failed: 1,
  needs_attention: 1,
} satisfies Record<ActivityStatus, 1>) as ActivityStatus[];
const ACTOR_TYPES = Object.keys({ user: 1, agent: 1, system: 1 } satisfies Record<ActorType, 1>) as ActorType[];
const ACTIVITY_ACTIONS = Object.keys(TRANSITIONS) as ActivityAction[];
const PLAN_ACTIONS = Object.keys(PLAN_TRANSITIONS) as PlanAction[];

let db: Db;
let tdb: TenantDb;
let tenantId: string;
let userId: string;
let planId: string;
let periodId: string;
let slot = 0;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  userId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.acmeOwner } })).id;
  tdb = forTenant(db, tenantId);
  const plan = await newPlan("approved");
  planId = plan.id;
  periodId = (
    await db.deliverablePeriod.create({
      data: { tenantId, planId, index: 0, startsOn: new Date("2026-12-07"), endsOn: new Date("2026-12-13") },
    })
  ).id;
});
afterAll(() => db.$disconnect());

async function newPlan(status: PlanStatus) {
  const plan = await db.deliverablePlan.create({
    data: {
      tenantId,
      name: `Plan ${status}`,
      cadence: "weekly",
      startDate: new Date("2026-12-07"),
      periodCount: 1,
      status,
    },
  });
  await db.deliverablePlanItem.create({
    data: { tenantId, planId: plan.id, deliverableType: "blog_post", quantity: 2 },
  });
  return plan;
}

function newActivity(status: ActivityStatus, fields: { dmRejectionCount?: number } = {}) {
  return db.activity.create({
    data: { tenantId, planId, periodId, slot: slot++, type: "blog_post", topic: "Table test", status, ...fields },
  });
}

/** Everything a transition writes, to show that a refused one wrote nothing. */
async function activityState(id: string) {
  return {
    row: await db.activity.findUniqueOrThrow({ where: { id } }),
    events: await db.activityEvent.count({ where: { activityId: id } }),
    audits: await db.auditLog.count({ where: { targetId: id } }),
    outbox: await db.outboxJob.count(),
  };
}
async function planState(id: string) {
  return {
    row: await db.deliverablePlan.findUniqueOrThrow({ where: { id }, include: { items: true } }),
    audits: await db.auditLog.count({ where: { targetId: id } }),
    outbox: await db.outboxJob.count(),
  };
}

const actorFor = (type: ActorType) => ({ type, id: type === "user" ? userId : `${type}-ref` });

describe("the activity state machine: every action from every status", () => {
  const cases = ACTIVITY_ACTIONS.flatMap((action) =>
    ACTIVITY_STATUSES.map((status) => {
      const rule = TRANSITIONS[action];
      return { action, status, to: rule.from.includes(status) ? rule.to : null };
    }),
  );
  expect(cases).toHaveLength(ACTIVITY_ACTIONS.length * ACTIVITY_STATUSES.length);

  it.each(cases)("$action from $status → $to", async ({ action, status, to }) => {
    const rule = TRANSITIONS[action];
    const activity = await newActivity(status);
    const before = await activityState(activity.id);
    const attempt = transitionActivity(tdb, {
      activityId: activity.id,
      action,
      actor: actorFor(rule.actors[0]!),
      feedback: "Shorter, and name the product",
    });

    if (to === null) {
      await expect(attempt).rejects.toMatchObject({
        statusCode: 409,
        code: "INVALID_TRANSITION",
        details: { from: status, action, allowedFrom: rule.from },
      });
      expect(await activityState(activity.id)).toEqual(before);
      return;
    }
    const result = await attempt;
    expect(result).toMatchObject({ from: status, to });
    const after = await activityState(activity.id);
    expect(after.row).toMatchObject({ status: to, version: activity.version + 1 });
    expect(after.events).toBe(before.events + 1);
    expect(await db.auditLog.count({ where: { targetId: activity.id, action: `activity.${action}` } })).toBe(1);
    expect(after.outbox).toBe(before.outbox + result.outboxIds.length);
  });

  it(`a DM rejection that reaches ${MAX_DM_REJECTIONS} stops redrafting: needs_attention`, async () => {
    const activity = await newActivity("dm_review", { dmRejectionCount: MAX_DM_REJECTIONS - 1 });
    const result = await transitionActivity(tdb, {
      activityId: activity.id,
      action: "dm_reject",
      actor: actorFor("user"),
      feedback: "Still not right",
    });
    expect(result.to).toBe("needs_attention");
    expect(result.followUps.some((f) => f.kind === "draft")).toBe(false);
  });
});

describe("the activity state machine: who may act", () => {
  const cases = ACTIVITY_ACTIONS.flatMap((action) =>
    ACTOR_TYPES.filter((actor) => !TRANSITIONS[action].actors.includes(actor)).map((actor) => ({ action, actor })),
  );

  it.each(cases)("$actor cannot $action (403, nothing written)", async ({ action, actor }) => {
    const activity = await newActivity(TRANSITIONS[action].from[0]!);
    const before = await activityState(activity.id);
    await expect(
      transitionActivity(tdb, { activityId: activity.id, action, actor: actorFor(actor), feedback: "x y z" }),
    ).rejects.toMatchObject({ statusCode: 403, code: "FORBIDDEN" });
    expect(await activityState(activity.id)).toEqual(before);
  });

  it("a rejection without feedback is refused before anything is read or written", async () => {
    const activity = await newActivity("dm_review");
    const before = await activityState(activity.id);
    await expect(
      transitionActivity(tdb, { activityId: activity.id, action: "dm_reject", actor: actorFor("user"), feedback: " " }),
    ).rejects.toMatchObject({ statusCode: 400, code: "VALIDATION_ERROR" });
    expect(await activityState(activity.id)).toEqual(before);
  });
});

describe("the plan state machine: every action from every status", () => {
  const cases = PLAN_ACTIONS.flatMap((action) =>
    PLAN_STATUSES.map((status) => {
      const rule = PLAN_TRANSITIONS[action];
      return { action, status, to: rule.from.includes(status) ? rule.to : null };
    }),
  );
  expect(cases).toHaveLength(PLAN_ACTIONS.length * PLAN_STATUSES.length);

  it.each(cases)("$action from $status → $to", async ({ action, status, to }) => {
    const rule = PLAN_TRANSITIONS[action];
    const plan = await newPlan(status);
    const before = await planState(plan.id);
    const attempt = transitionPlan(tdb, {
      planId: plan.id,
      action,
      actor: actorFor("user"),
      reason: "Not this quarter",
      requestId: "req-plan-table",
    });

    if (to === null) {
      const words = (s: string) => s.replace("_", " ");
      await expect(attempt).rejects.toMatchObject(
        action === "edit"
          ? { statusCode: 409, code: "INVALID_TRANSITION", message: "Only a draft or rejected plan can be edited" }
          : {
              statusCode: 409,
              code: "INVALID_TRANSITION",
              message: `A ${words(status)} plan cannot become ${words(rule.to)}`,
              details: { from: status, to: rule.to, allowedFrom: rule.from },
            },
      );
      expect(await planState(plan.id)).toEqual(before);
      return;
    }
    const result = await attempt;
    expect(result).toMatchObject({ from: status, to, plan: { id: plan.id, status: to } });
    const after = await planState(plan.id);
    expect(after.row.status).toBe(to);
    const audits = await db.auditLog.findMany({ where: { targetId: plan.id } });
    expect(audits).toEqual([
      expect.objectContaining({ tenantId, actorId: userId, action: rule.audit, requestId: "req-plan-table" }),
    ]);
    if (action === "approve") {
      expect(after.row).toMatchObject({ decidedById: userId, decidedAt: expect.any(Date) });
      // The planner is staged with the approval, in the same transaction.
      const staged = await db.outboxJob.findMany({ where: { id: { in: result.outboxIds } } });
      expect(staged).toEqual([
        expect.objectContaining({
          queue: "agent__activity-planner",
          payload: expect.objectContaining({ tenantId, planId: plan.id }),
        }),
      ]);
    } else {
      expect(result.outboxIds).toEqual([]);
      expect(after.outbox).toBe(before.outbox);
    }
    if (action === "reject") expect(after.row).toMatchObject({ rejectionReason: "Not this quarter" });
    if (action === "submit" || action === "edit") expect(after.row.rejectionReason).toBeNull();
  });
});

describe("the plan state machine: who may act, and the rest of its rules", () => {
  const cases = PLAN_ACTIONS.flatMap((action) =>
    ACTOR_TYPES.filter((actor) => !PLAN_TRANSITIONS[action].actors.includes(actor)).map((actor) => ({
      action,
      actor,
    })),
  );
  expect(cases.length).toBeGreaterThan(0);

  it.each(cases)("$actor cannot $action a plan (403, nothing written)", async ({ action, actor }) => {
    const plan = await newPlan(PLAN_TRANSITIONS[action].from[0]!);
    const before = await planState(plan.id);
    await expect(
      transitionPlan(tdb, { planId: plan.id, action, actor: actorFor(actor), reason: "Not this quarter" }),
    ).rejects.toMatchObject({ statusCode: 403, code: "FORBIDDEN" });
    expect(await planState(plan.id)).toEqual(before);
  });

  it("a rejection needs a reason", async () => {
    const plan = await newPlan("pending_approval");
    const before = await planState(plan.id);
    await expect(
      transitionPlan(tdb, { planId: plan.id, action: "reject", actor: actorFor("user"), reason: "  " }),
    ).rejects.toMatchObject({ statusCode: 400, code: "VALIDATION_ERROR" });
    expect(await planState(plan.id)).toEqual(before);
  });

  it("another tenant's plan is not found", async () => {
    const globex = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
    const plan = await newPlan("pending_approval");
    await expect(
      transitionPlan(forTenant(db, globex), { planId: plan.id, action: "approve", actor: actorFor("user") }),
    ).rejects.toMatchObject({ statusCode: 404, code: "NOT_FOUND" });
    expect((await planState(plan.id)).row.status).toBe("pending_approval");
  });

  it("of an approval and a rejection racing on one plan, exactly one wins and the other is a 409", async () => {
    const plan = await newPlan("pending_approval");
    const results = await Promise.allSettled(
      (["approve", "reject"] as const).map((action) =>
        transitionPlan(tdb, { planId: plan.id, action, actor: actorFor("user"), reason: "Not this quarter" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const [refused] = results.filter((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db.auditLog.count({ where: { targetId: plan.id } })).toBe(1);
  });

  it("an edit's own writes roll back when the edit is refused", async () => {
    const plan = await newPlan("draft");
    const before = await planState(plan.id);
    await expect(
      transitionPlan(tdb, {
        planId: plan.id,
        action: "edit",
        actor: actorFor("user"),
        within: async (tx) => {
          await tx.deliverablePlanItem.deleteMany({ where: { planId: plan.id } });
          throw new AppError(400, "VALIDATION_ERROR", "too many deliverables");
        },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_ERROR" });
    expect(await planState(plan.id)).toEqual(before);
  });
});
