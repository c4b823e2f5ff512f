import type { Db, DeliverableType } from "@leadmetrics/db";

/**
 * An approved one-week plan starting 2026-12-07 and its one period, with the given item lines:
 * the frame tests and benchmarks add their own activities and runs to.
 */
export async function seedWeekPlan(
  db: Db,
  tenantId: string,
  name: string,
  items: { deliverableType: DeliverableType; quantity: number }[] = [],
) {
  const plan = await db.deliverablePlan.create({
    data: { tenantId, name, cadence: "weekly", startDate: new Date("2026-12-07"), periodCount: 1, status: "approved" },
  });
  if (items.length > 0) {
    await db.deliverablePlanItem.createMany({ data: items.map((item) => ({ tenantId, planId: plan.id, ...item })) });
  }
  const period = await db.deliverablePeriod.create({
    data: { tenantId, planId: plan.id, index: 0, startsOn: new Date("2026-12-07"), endsOn: new Date("2026-12-13") },
  });
  return { plan, period };
}

/** Two blog posts and one social post: the item lines the plans pages are tested with. */
export const TWO_POSTS_AND_A_SOCIAL = [
  { deliverableType: "blog_post", quantity: 2 },
  { deliverableType: "social_post", quantity: 1 },
] as const satisfies { deliverableType: DeliverableType; quantity: number }[];
