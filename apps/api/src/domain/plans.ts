import { channelServes, planCreditEstimate, publishTargetOf } from "@leadmetrics/catalog";
import type { AgentRunStatus, PlanStatus, TenantDb, TenantTx } from "@leadmetrics/db";
import { writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { type Actor, applyPlanTransition, type PlanTransitionDeps, type PlanWithItems } from "@leadmetrics/pipeline";
import { z } from "zod";
import { DELIVERABLE_TYPES } from "../lib/activity-schemas";

export const MAX_ACTIVITIES_PER_PLAN = 500;

/** How many deliverables a plan asks for over all its periods. */
export const totalDeliverables = (periodCount: number, items: readonly { quantity: number }[]) =>
  periodCount * items.reduce((n, i) => n + i.quantity, 0);

const tooManyDeliverables = `a plan may hold at most ${MAX_ACTIVITIES_PER_PLAN} deliverables`;

const planItemInput = z.strictObject({
  deliverableType: z.enum(DELIVERABLE_TYPES),
  quantity: z.number().int().min(1).max(50),
  channel: z.string().trim().max(40).optional(),
  channelId: z
    .uuid()
    .optional()
    .describe("The connected site or account its activities are published to; absent: the first of their kind"),
  notes: z.string().trim().max(500).optional(),
});

const planFields = {
  name: z.string().trim().min(2).max(120),
  cadence: z.enum(["weekly", "monthly"]),
  startDate: z.iso.date().describe("First day of the first period, YYYY-MM-DD"),
  periodCount: z.number().int().min(1).max(24),
  items: z.array(planItemInput).min(1).max(10),
};

export const newPlanInput = z
  .strictObject(planFields)
  .refine((p) => totalDeliverables(p.periodCount, p.items) <= MAX_ACTIVITIES_PER_PLAN, {
    message: tooManyDeliverables,
    path: ["items"],
  });
export type NewPlan = z.infer<typeof newPlanInput>;

export const planChangesInput = z.strictObject({
  name: planFields.name.optional(),
  cadence: planFields.cadence.optional(),
  startDate: planFields.startDate.optional(),
  periodCount: planFields.periodCount.optional(),
  items: planFields.items.optional(),
});
export type PlanChanges = z.infer<typeof planChangesInput>;

/** A plan as its pages show it: the plan and its items, its activities by status, its planner's last run. */
export interface PlanView {
  plan: PlanWithItems;
  activityCounts: Record<string, number>;
  /** The planner's last run for this plan: why no activities exist yet, when it failed. */
  planning: { status: AgentRunStatus; error: string | null } | null;
}

/** Who acts, in which workspace, for which request. */
export interface PlanActor {
  tenantId: string;
  userId: string;
  requestId?: string;
}

const itemsInOrder = { items: { orderBy: { id: "asc" as const } } };
const dateOnly = (day: string) => new Date(`${day}T00:00:00Z`);
const userActor = (a: PlanActor): Actor => ({ type: "user", id: a.userId });

/**
 * The views of many plans in a fixed number of queries, whatever their number: one for the
 * activity counts of all of them, one for their planners' runs.
 */
async function viewsOf(tdb: TenantDb, plans: PlanWithItems[]): Promise<PlanView[]> {
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.id);
  const [counts, runs] = await Promise.all([
    tdb.activity.groupBy({ by: ["planId", "status"], where: { planId: { in: planIds } }, _count: { _all: true } }),
    tdb.agentRun.findMany({
      where: { planId: { in: planIds }, role: "activity-planner" },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      select: { planId: true, status: true, error: true },
    }),
  ]);
  return plans.map((plan) => {
    // Runs come newest first: the first one of a plan is its last run.
    const run = runs.find((r) => r.planId === plan.id);
    return {
      plan,
      activityCounts: Object.fromEntries(
        counts.filter((c) => c.planId === plan.id).map((c) => [c.status, c._count._all]),
      ),
      planning: run ? { status: run.status, error: run.error } : null,
    };
  });
}

export async function getPlan(tdb: TenantDb, planId: string): Promise<PlanView> {
  const plan = await tdb.deliverablePlan.findFirst({ where: { id: planId }, include: itemsInOrder });
  if (!plan) throw notFound("Plan");
  const [view] = await viewsOf(tdb, [plan]);
  return view!;
}

/** A page of plans, newest first, in a fixed number of queries (not a few per plan). */
export async function listPlans(
  tdb: TenantDb,
  query: { status?: PlanStatus; skip: number; take: number },
): Promise<{ views: PlanView[]; total: number }> {
  const where = query.status ? { status: query.status } : {};
  const [plans, total] = await Promise.all([
    tdb.deliverablePlan.findMany({
      where,
      include: itemsInOrder,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: query.skip,
      take: query.take,
    }),
    tdb.deliverablePlan.count({ where }),
  ]);
  return { views: await viewsOf(tdb, plans), total };
}

/**
 * The rows of a plan's items. A chosen channel must be one of this workspace's and able to publish
 * the item's type (a site for blog posts, a network for social posts); it also names the item's
 * network, so the writer writes for it.
 */
async function itemRows(tx: TenantTx, actor: PlanActor, planId: string, items: NewPlan["items"]) {
  const ids = [...new Set(items.flatMap((i) => (i.channelId ? [i.channelId] : [])))];
  const channels = ids.length
    ? await tx.connectedChannel.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } })
    : [];
  return items.map((item, index) => {
    if (!item.channelId) return { ...item, tenantId: actor.tenantId, planId };
    const channel = channels.find((c) => c.id === item.channelId);
    if (!channel || !channelServes(publishTargetOf(item.deliverableType), channel.kind))
      throw new AppError(400, "VALIDATION_ERROR", "Choose a connected channel that can publish this kind of work.", {
        fields: [
          { path: `body.items.${index}.channelId`, message: channel ? "cannot publish this type" : "no such channel" },
        ],
      });
    return { ...item, channel: channel.kind, tenantId: actor.tenantId, planId };
  });
}

export async function createPlan(tdb: TenantDb, actor: PlanActor, input: NewPlan): Promise<PlanView> {
  const { items, startDate, ...fields } = input;
  const created = await tdb.$transaction(async (tx) => {
    const plan = await tx.deliverablePlan.create({
      data: { ...fields, tenantId: actor.tenantId, startDate: dateOnly(startDate), createdById: actor.userId },
    });
    await tx.deliverablePlanItem.createMany({ data: await itemRows(tx, actor, plan.id, items) });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "plan.created",
      targetType: "DeliverablePlan",
      targetId: plan.id,
      requestId: actor.requestId,
    });
    return plan;
  });
  return getPlan(tdb, created.id);
}

/** Changes a draft or rejected plan; the result is a draft again (a transition: see PLAN_TRANSITIONS.edit). */
export async function editPlan(
  deps: PlanTransitionDeps,
  actor: PlanActor,
  planId: string,
  changes: PlanChanges,
): Promise<PlanView> {
  const { items, startDate, ...fields } = changes;
  await applyPlanTransition(deps, {
    planId,
    action: "edit",
    actor: userActor(actor),
    requestId: actor.requestId,
    within: async (tx, plan) => {
      if (totalDeliverables(fields.periodCount ?? plan.periodCount, items ?? plan.items) > MAX_ACTIVITIES_PER_PLAN)
        throw new AppError(400, "VALIDATION_ERROR", tooManyDeliverables);
      if (items) {
        const rows = await itemRows(tx, actor, plan.id, items);
        await tx.deliverablePlanItem.deleteMany({ where: { planId: plan.id } });
        await tx.deliverablePlanItem.createMany({ data: rows });
      }
      return { ...fields, ...(startDate ? { startDate: dateOnly(startDate) } : {}) };
    },
  });
  return getPlan(deps.tdb, planId);
}

export async function submitPlan(deps: PlanTransitionDeps, actor: PlanActor, planId: string): Promise<PlanView> {
  await applyPlanTransition(deps, { planId, action: "submit", actor: userActor(actor), requestId: actor.requestId });
  return getPlan(deps.tdb, planId);
}

/**
 * Approving hands the plan to the planner agent (a follow-up staged with the approval). A plan
 * whose estimate the balance cannot cover is approved only when the client says so: work beyond
 * the balance then waits for credits, visibly.
 */
export async function approvePlan(
  deps: PlanTransitionDeps,
  actor: PlanActor,
  planId: string,
  options: { acceptShortfall?: boolean } = {},
): Promise<PlanView> {
  await applyPlanTransition(deps, {
    planId,
    action: "approve",
    actor: userActor(actor),
    requestId: actor.requestId,
    within: async (tx, plan) => {
      if (options.acceptShortfall) return undefined;
      const needed = planCreditEstimate(plan.periodCount, plan.items).total;
      const available = (await tx.creditBalance.findFirst({ select: { available: true } }))?.available ?? 0;
      if (needed > available)
        throw new AppError(
          402,
          "INSUFFICIENT_CREDITS",
          `This plan needs about ${needed} credits and ${available} are available. Approve it anyway and the work beyond your balance waits until credits are added.`,
          { needed, available },
        );
      return undefined;
    },
  });
  return getPlan(deps.tdb, planId);
}

export async function rejectPlan(
  deps: PlanTransitionDeps,
  actor: PlanActor,
  planId: string,
  reason: string,
): Promise<PlanView> {
  await applyPlanTransition(deps, {
    planId,
    action: "reject",
    actor: userActor(actor),
    reason,
    requestId: actor.requestId,
  });
  return getPlan(deps.tdb, planId);
}
