import { planCreditEstimate } from "@leadmetrics/catalog";
import { PLAN_STATUSES, type PlanTransitionDeps } from "@leadmetrics/pipeline";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import {
  approvePlan,
  createPlan,
  editPlan,
  getPlan,
  listPlans,
  newPlanInput,
  type PlanActor,
  type PlanView,
  planChangesInput,
  rejectPlan,
  submitPlan,
  totalDeliverables,
} from "../../domain/plans";
import { DELIVERABLE_TYPES } from "../../lib/activity-schemas";
import { errorResponses, errorSchema, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

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
      channelId: z.uuid().nullable().describe("The connected site or account its activities are published to"),
      notes: z.string().nullable(),
    }),
  ),
  totalDeliverables: z.number().int(),
  creditEstimate: z
    .object({
      planner: z.number().int(),
      drafts: z.array(
        z.object({
          deliverableType: z.enum(DELIVERABLE_TYPES),
          count: z.number().int(),
          creditsEach: z.number().int(),
          credits: z.number().int(),
        }),
      ),
      total: z.number().int(),
    })
    .describe("Credits approving the plan will spend: the planner's run and each deliverable's first draft"),
  activityCounts: z.record(z.string(), z.number().int()),
  /** The planner's last run for this plan: why no activities exist yet, when it failed. */
  planning: z.object({ status: z.enum(["running", "succeeded", "failed"]), error: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});

const toPlan = ({ plan, activityCounts, planning }: PlanView): z.infer<typeof planSchema> => ({
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
    channelId: i.channelId,
    notes: i.notes,
  })),
  totalDeliverables: totalDeliverables(plan.periodCount, plan.items),
  creditEstimate: planCreditEstimate(plan.periodCount, plan.items),
  activityCounts,
  planning,
  submittedAt: plan.submittedAt?.toISOString() ?? null,
  decidedAt: plan.decidedAt?.toISOString() ?? null,
  createdAt: plan.createdAt.toISOString(),
});

const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

/** Deliverable plans: drafted, submitted, then approved or rejected by the client's owner/admin. */
export const plansRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const actorOf = (req: FastifyRequest): PlanActor => {
      const t = tenantOf(req);
      return { tenantId: t.tenantId, userId: t.userId, requestId: req.id };
    };
    const depsOf = (req: FastifyRequest): PlanTransitionDeps => ({
      tdb: tenantOf(req).db,
      outbox: ctx.outbox,
      log: req.log,
    });

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
        const { views, total } = await listPlans(tenantOf(req).db, {
          status: req.query.status,
          ...skipTake(req.query),
        });
        return { items: views.map(toPlan), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      "/plans/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 200: planSchema, ...errorResponses } } },
      async (req) => toPlan(await getPlan(tenantOf(req).db, req.params.id)),
    );

    app.post(
      "/plans",
      {
        config: managers,
        schema: { tags: ["tenant"], body: newPlanInput, response: { 201: planSchema, ...errorResponses } },
      },
      async (req, reply) => reply.status(201).send(toPlan(await createPlan(tenantOf(req).db, actorOf(req), req.body))),
    );

    app.patch(
      "/plans/:id",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: idParams,
          body: planChangesInput,
          response: { 200: planSchema, ...errorResponses },
        },
      },
      async (req) => toPlan(await editPlan(depsOf(req), actorOf(req), req.params.id, req.body)),
    );

    app.post(
      "/plans/:id/submit",
      {
        config: managers,
        schema: { tags: ["tenant"], params: idParams, response: { 200: planSchema, ...errorResponses } },
      },
      async (req) => toPlan(await submitPlan(depsOf(req), actorOf(req), req.params.id)),
    );

    app.post(
      "/plans/:id/approve",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: idParams,
          body: z
            .strictObject({
              acceptShortfall: z
                .boolean()
                .optional()
                .describe("Approve even though the credit estimate is above the balance (402 otherwise)"),
            })
            // No body at all is an approval that does not accept a shortfall.
            .nullish(),
          response: { 200: planSchema, 402: errorSchema, ...errorResponses },
        },
      },
      async (req) => toPlan(await approvePlan(depsOf(req), actorOf(req), req.params.id, req.body ?? {})),
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
      async (req) => toPlan(await rejectPlan(depsOf(req), actorOf(req), req.params.id, req.body.reason)),
    );
  };
