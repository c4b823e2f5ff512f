import { type TenantDb, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { type StagedJob, stageJobs } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { DELIVERABLE_TYPES } from "../../lib/activity-schemas";
import { errorResponses, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const PLAN_STATUSES = ["draft", "pending_approval", "approved", "rejected"] as const;
const MAX_ACTIVITIES_PER_PLAN = 500;

const itemInput = z.strictObject({
  deliverableType: z.enum(DELIVERABLE_TYPES),
  quantity: z.number().int().min(1).max(50),
  channel: z.string().trim().max(40).optional(),
  notes: z.string().trim().max(500).optional(),
});

const planFields = {
  name: z.string().trim().min(2).max(120),
  cadence: z.enum(["weekly", "monthly"]),
  startDate: z.iso.date().describe("First day of the first period, YYYY-MM-DD"),
  periodCount: z.number().int().min(1).max(24),
  items: z.array(itemInput).min(1).max(10),
};
const createBody = z
  .strictObject(planFields)
  .refine((p) => p.periodCount * p.items.reduce((n, i) => n + i.quantity, 0) <= MAX_ACTIVITIES_PER_PLAN, {
    message: `a plan may hold at most ${MAX_ACTIVITIES_PER_PLAN} deliverables`,
    path: ["items"],
  });
const updateBody = z.strictObject({
  name: planFields.name.optional(),
  cadence: planFields.cadence.optional(),
  startDate: planFields.startDate.optional(),
  periodCount: planFields.periodCount.optional(),
  items: planFields.items.optional(),
});

const planSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cadence: z.enum(["weekly", "monthly"]),
  startDate: z.string(),
  periodCount: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  rejectionReason: z.string().nullable(),
  items: z.array(
    z.object({
      deliverableType: z.enum(DELIVERABLE_TYPES),
      quantity: z.number().int(),
      channel: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  totalDeliverables: z.number().int(),
  activityCounts: z.record(z.string(), z.number().int()),
  /** The planner's last run for this plan: why no activities exist yet, when it failed. */
  planning: z.object({ status: z.enum(["running", "succeeded", "failed"]), error: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});

const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

async function loadPlan(tdb: TenantDb, id: string) {
  const plan = await tdb.deliverablePlan.findFirst({ where: { id }, include: { items: { orderBy: { id: "asc" } } } });
  if (!plan) throw notFound("Plan");
  const [counts, run] = await Promise.all([
    tdb.activity.groupBy({ by: ["status"], where: { planId: id }, _count: { _all: true } }),
    tdb.agentRun.findFirst({
      where: { planId: id, role: "activity-planner" },
      orderBy: { startedAt: "desc" },
      select: { status: true, error: true },
    }),
  ]);
  return {
    id: plan.id,
    name: plan.name,
    cadence: plan.cadence,
    startDate: plan.startDate.toISOString().slice(0, 10),
    periodCount: plan.periodCount,
    status: plan.status,
    rejectionReason: plan.rejectionReason,
    items: plan.items.map((i) => ({
      deliverableType: i.deliverableType,
      quantity: i.quantity,
      channel: i.channel,
      notes: i.notes,
    })),
    totalDeliverables: plan.periodCount * plan.items.reduce((n, i) => n + i.quantity, 0),
    activityCounts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
    planning: run ? { status: run.status, error: run.error } : null,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    decidedAt: plan.decidedAt?.toISOString() ?? null,
    createdAt: plan.createdAt.toISOString(),
  };
}

/** Deliverable plans: drafted, submitted, then approved or rejected by the client's owner/admin. */
export const plansRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    /** Moves a plan between statuses atomically; any other current status is a 409. */
    /** Moves a plan between statuses; `jobs` are staged in the same transaction. Returns their outbox ids. */
    async function movePlan(
      req: Parameters<typeof tenantOf>[0],
      id: string,
      from: readonly (typeof PLAN_STATUSES)[number][],
      to: (typeof PLAN_STATUSES)[number],
      extra: Record<string, unknown> = {},
      jobs: StagedJob[] = [],
    ) {
      const t = tenantOf(req);
      return t.db.$transaction(async (tx) => {
        const changed = await tx.deliverablePlan.updateMany({
          where: { id, status: { in: [...from] } },
          data: { status: to, ...extra },
        });
        if (changed.count !== 1) {
          const plan = await tx.deliverablePlan.findFirst({ where: { id }, select: { status: true } });
          if (!plan) throw notFound("Plan");
          throw new AppError(
            409,
            "INVALID_TRANSITION",
            `A ${plan.status.replace("_", " ")} plan cannot become ${to.replace("_", " ")}`,
            { from: plan.status, to, allowedFrom: from },
          );
        }
        await writeAudit(tx, {
          actorId: t.userId,
          action: `plan.${to}`,
          targetType: "DeliverablePlan",
          targetId: id,
          requestId: req.id,
        });
        return stageJobs(tx, jobs);
      });
    }

    app.get(
      "/plans",
      {
        schema: {
          tags: ["tenant"],
          querystring: paginationQuery.extend({ status: z.enum(PLAN_STATUSES).optional() }),
          response: { 200: page(planSchema), ...errorResponses },
        },
      },
      async (req) => {
        const { db } = tenantOf(req);
        const where = req.query.status ? { status: req.query.status } : {};
        const [rows, total] = await Promise.all([
          db.deliverablePlan.findMany({
            where,
            select: { id: true },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            ...skipTake(req.query),
          }),
          db.deliverablePlan.count({ where }),
        ]);
        return {
          items: await Promise.all(rows.map((r) => loadPlan(db, r.id))),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );

    app.get(
      "/plans/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 200: planSchema, ...errorResponses } } },
      async (req) => loadPlan(tenantOf(req).db, req.params.id),
    );

    app.post(
      "/plans",
      {
        config: managers,
        schema: { tags: ["tenant"], body: createBody, response: { 201: planSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const t = tenantOf(req);
        const { items, startDate, ...fields } = req.body;
        const plan = await t.db.$transaction(async (tx) => {
          const created = await tx.deliverablePlan.create({
            data: {
              ...fields,
              tenantId: t.tenantId,
              startDate: new Date(`${startDate}T00:00:00Z`),
              createdById: t.userId,
            },
          });
          await tx.deliverablePlanItem.createMany({
            data: items.map((i) => ({ ...i, tenantId: t.tenantId, planId: created.id })),
          });
          await writeAudit(tx, {
            actorId: t.userId,
            action: "plan.created",
            targetType: "DeliverablePlan",
            targetId: created.id,
            requestId: req.id,
          });
          return created;
        });
        return reply.status(201).send(await loadPlan(t.db, plan.id));
      },
    );

    app.patch(
      "/plans/:id",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: idParams,
          body: updateBody,
          response: { 200: planSchema, ...errorResponses },
        },
      },
      async (req) => {
        const t = tenantOf(req);
        const { items, startDate, ...fields } = req.body;
        await t.db.$transaction(async (tx) => {
          const plan = await tx.deliverablePlan.findFirst({ where: { id: req.params.id }, include: { items: true } });
          if (!plan) throw notFound("Plan");
          if (plan.status !== "draft" && plan.status !== "rejected")
            throw new AppError(409, "INVALID_TRANSITION", "Only a draft or rejected plan can be edited");
          const periodCount = fields.periodCount ?? plan.periodCount;
          const perPeriod = (items ?? plan.items).reduce((n, i) => n + i.quantity, 0);
          if (periodCount * perPeriod > MAX_ACTIVITIES_PER_PLAN)
            throw new AppError(
              400,
              "VALIDATION_ERROR",
              `a plan may hold at most ${MAX_ACTIVITIES_PER_PLAN} deliverables`,
            );
          await tx.deliverablePlan.updateMany({
            where: { id: plan.id },
            data: {
              ...fields,
              ...(startDate ? { startDate: new Date(`${startDate}T00:00:00Z`) } : {}),
              status: "draft",
              rejectionReason: null,
            },
          });
          if (items) {
            await tx.deliverablePlanItem.deleteMany({ where: { planId: plan.id } });
            await tx.deliverablePlanItem.createMany({
              data: items.map((i) => ({ ...i, tenantId: t.tenantId, planId: plan.id })),
            });
          }
          await writeAudit(tx, {
            actorId: t.userId,
            action: "plan.edited",
            targetType: "DeliverablePlan",
            targetId: plan.id,
            requestId: req.id,
          });
        });
        return loadPlan(t.db, req.params.id);
      },
    );

    app.post(
      "/plans/:id/submit",
      {
        config: managers,
        schema: { tags: ["tenant"], params: idParams, response: { 200: planSchema, ...errorResponses } },
      },
      async (req) => {
        await movePlan(req, req.params.id, ["draft", "rejected"], "pending_approval", {
          submittedAt: new Date(),
          rejectionReason: null,
        });
        return loadPlan(tenantOf(req).db, req.params.id);
      },
    );

    app.post(
      "/plans/:id/approve",
      {
        config: managers,
        schema: { tags: ["tenant"], params: idParams, response: { 200: planSchema, ...errorResponses } },
      },
      async (req) => {
        const t = tenantOf(req);
        // The planner turns the approved plan into activities: staged with the approval, so it runs exactly when the approval commits.
        const staged = await movePlan(
          req,
          req.params.id,
          ["pending_approval"],
          "approved",
          { decidedAt: new Date(), decidedById: t.userId },
          [
            {
              queue: "agent__activity-planner",
              payload: { tenantId: t.tenantId, planId: req.params.id, requestId: req.id },
            },
          ],
        );
        await ctx.outbox
          .flush(staged)
          .catch((err) => req.log.warn({ err }, "planner not enqueued yet; the outbox relay will retry"));
        return loadPlan(t.db, req.params.id);
      },
    );

    app.post(
      "/plans/:id/reject",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: idParams,
          body: z.strictObject({ reason: z.string().trim().min(3).max(2_000) }),
          response: { 200: planSchema, ...errorResponses },
        },
      },
      async (req) => {
        const t = tenantOf(req);
        await movePlan(req, req.params.id, ["pending_approval"], "rejected", {
          decidedAt: new Date(),
          decidedById: t.userId,
          rejectionReason: req.body.reason,
        });
        return loadPlan(t.db, req.params.id);
      },
    );
  };
