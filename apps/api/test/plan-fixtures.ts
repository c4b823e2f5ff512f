import type { Db } from "@leadmetrics/db";

/**
 * An approved one-week plan starting 2026-12-07 with two item lines (two blog posts, one social
 * post) and its one period: what the plans pages show of a plan, for tests that add their own
 * activities and runs.
 */
export async function seedWeekPlan(db: Db, tenantId: string, name: string) {
  const plan = await db.deliverablePlan.create({
    data: { tenantId, name, cadence: "weekly", startDate: new Date("2026-12-07"), periodCount: 1, status: "approved" },
  });
  await db.deliverablePlanItem.createMany({
    data: [
      { tenantId, planId: plan.id, deliverableType: "blog_post", quantity: 2 },
      { tenantId, planId: plan.id, deliverableType: "social_post", quantity: 1 },
    ],
  });
  const period = await db.deliverablePeriod.create({
    data: { tenantId, planId: plan.id, index: 0, startsOn: new Date("2026-12-07"), endsOn: new Date("2026-12-13") },
  });
  return { plan, period };
}
