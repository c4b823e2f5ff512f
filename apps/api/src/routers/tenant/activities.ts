import { type ActivityAction, applyTransition } from "@leadmetrics/pipeline";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { loadActivityDetail } from "../../lib/activity-detail";
import {
  ACTIVITY_STATUSES,
  activityDetailSchema,
  activitySummarySchema,
  DELIVERABLE_TYPES,
  expectedVersionField,
  feedbackField,
  toActivitySummary,
} from "../../lib/activity-schemas";
import { errorResponses, idParams, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const listQuery = paginationQuery.extend({
  status: z.enum(ACTIVITY_STATUSES).optional(),
  type: z.enum(DELIVERABLE_TYPES).optional(),
  planId: z.uuid().optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const listResponse = z.object({
  items: z.array(activitySummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  countsByStatus: z.record(z.string(), z.number().int()),
});

const approvers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

/** The client's side of the loop: see every activity, approve or reject drafts, retry publishing. */
export const activitiesRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/activities",
      { schema: { tags: ["tenant"], querystring: listQuery, response: { 200: listResponse, ...errorResponses } } },
      async (req) => {
        const { db } = tenantOf(req);
        const { status, type, planId } = req.query;
        const where = { ...(status ? { status } : {}), ...(type ? { type } : {}), ...(planId ? { planId } : {}) };
        const [rows, total, counts] = await Promise.all([
          db.activity.findMany({
            where,
            omit: { periodId: true, slot: true, currentVersionId: true },
            orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
            ...skipTake(req.query),
          }),
          db.activity.count({ where }),
          db.activity.groupBy({
            by: ["status"],
            where: { ...(type ? { type } : {}), ...(planId ? { planId } : {}) },
            _count: { _all: true },
          }),
        ]);
        return {
          items: rows.map(toActivitySummary),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
          countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
        };
      },
    );

    app.get(
      "/activities/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 200: activityDetailSchema, ...errorResponses } } },
      async (req) => loadActivityDetail(tenantOf(req).db, req.params.id),
    );

    const act =
      (action: ActivityAction) =>
      async (
        req: Parameters<typeof tenantOf>[0] & {
          params: { id: string };
          body: { feedback?: string; expectedVersion?: number };
        },
      ) => {
        const t = tenantOf(req);
        await applyTransition(
          { tdb: t.db, outbox: ctx.outbox, log: req.log, realtime: ctx.realtime },
          {
            activityId: req.params.id,
            action,
            actor: { type: "user", id: t.userId },
            feedback: req.body.feedback,
            expectedVersion: req.body.expectedVersion,
            requestId: req.id,
          },
        );
        return loadActivityDetail(t.db, req.params.id);
      };
    const decision = (feedback: boolean) => ({
      config: approvers,
      schema: {
        tags: ["tenant"],
        params: idParams,
        body: feedback
          ? z.strictObject({ feedback: feedbackField, expectedVersion: expectedVersionField })
          : z.strictObject({ expectedVersion: expectedVersionField }).default({}),
        response: { 200: activityDetailSchema, ...errorResponses },
      },
    });

    app.post("/activities/:id/approve", decision(false), act("client_approve"));
    app.post("/activities/:id/reject", decision(true), act("client_reject"));
    app.post("/activities/:id/retry-publish", decision(false), act("retry_publish"));
  };
