import { forTenant } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import { type ActivityAction, applyTransition } from "@leadmetrics/pipeline";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { loadActivityDetail } from "../../lib/activity-detail";
import {
  activityDetailSchema,
  activitySummarySchema,
  DELIVERABLE_TYPES,
  expectedVersionField,
  feedbackField,
  toActivitySummary,
} from "../../lib/activity-schemas";
import { errorResponses, idParams, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const queueItem = activitySummarySchema.extend({ tenantName: z.string(), waitingSince: z.string() });
const queueQuery = paginationQuery.extend({
  tenantId: z.uuid().optional(),
  type: z.enum(DELIVERABLE_TYPES).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const queueResponse = z.object({
  items: z.array(queueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    dm_review: z.number().int(),
    needs_attention: z.number().int(),
    byTenant: z.array(
      z.object({
        tenantId: z.uuid(),
        tenantName: z.string(),
        dm_review: z.number().int(),
        needs_attention: z.number().int(),
      }),
    ),
  }),
});
const reviewDetail = activityDetailSchema.extend({
  tenantName: z.string(),
  clientContext: z
    .object({ version: z.number().int(), brandVoice: z.string(), audience: z.string(), products: z.string() })
    .nullable(),
});

/** The reviewers' side of the loop, across every tenant. */
export const dmReviewRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    async function list(status: "dm_review" | "needs_attention", q: z.infer<typeof queueQuery>) {
      const where = {
        status,
        ...(q.tenantId ? { tenantId: q.tenantId } : {}),
        ...(q.type ? { type: q.type } : {}),
        plan: { tenant: { status: "active" as const } },
      };
      const [rows, total, grouped, tenants] = await Promise.all([
        // Oldest first: whoever has waited longest is reviewed first.
        db.activity.findMany({
          where,
          omit: { periodId: true, slot: true, currentVersionId: true },
          orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
          ...skipTake(q),
        }),
        db.activity.count({ where }),
        db.activity.groupBy({
          by: ["tenantId", "status"],
          where: { status: { in: ["dm_review", "needs_attention"] } },
          _count: { _all: true },
        }),
        db.tenant.findMany({ where: { status: "active" }, select: { id: true, name: true } }),
      ]);
      const names = new Map(tenants.map((t) => [t.id, t.name]));
      const byTenant = [...names.entries()]
        .map(([tenantId, tenantName]) => ({
          tenantId,
          tenantName,
          dm_review: grouped.find((g) => g.tenantId === tenantId && g.status === "dm_review")?._count._all ?? 0,
          needs_attention:
            grouped.find((g) => g.tenantId === tenantId && g.status === "needs_attention")?._count._all ?? 0,
        }))
        .filter((t) => t.dm_review + t.needs_attention > 0);
      return {
        items: rows.map((r) => ({
          ...toActivitySummary(r),
          tenantName: names.get(r.tenantId) ?? "",
          waitingSince: r.updatedAt.toISOString(),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
        counts: {
          dm_review: byTenant.reduce((n, t) => n + t.dm_review, 0),
          needs_attention: byTenant.reduce((n, t) => n + t.needs_attention, 0),
          byTenant,
        },
      };
    }

    app.get(
      "/review-queue",
      { schema: { tags: ["dm"], querystring: queueQuery, response: { 200: queueResponse, ...errorResponses } } },
      (req) => list("dm_review", req.query),
    );
    app.get(
      "/needs-attention",
      { schema: { tags: ["dm"], querystring: queueQuery, response: { 200: queueResponse, ...errorResponses } } },
      (req) => list("needs_attention", req.query),
    );

    /** The activity's tenant, found once; everything after goes through that tenant's client. */
    async function tenantClientFor(activityId: string) {
      const row = await db.activity.findUnique({ where: { id: activityId }, select: { tenantId: true } });
      if (!row) throw notFound("Activity");
      return { tenantId: row.tenantId, tdb: forTenant(db, row.tenantId) };
    }

    async function detail(activityId: string) {
      const { tdb } = await tenantClientFor(activityId);
      const [base, tenant, context] = await Promise.all([
        loadActivityDetail(tdb, activityId),
        tdb.tenant.findFirstOrThrow({ select: { name: true } }),
        tdb.clientContext.findFirst({
          orderBy: { version: "desc" },
          select: { version: true, brandVoice: true, audience: true, products: true },
        }),
      ]);
      return { ...base, tenantName: tenant.name, clientContext: context };
    }

    app.get(
      "/activities/:id",
      { schema: { tags: ["dm"], params: idParams, response: { 200: reviewDetail, ...errorResponses } } },
      (req) => detail(req.params.id),
    );

    const act =
      (action: ActivityAction) =>
      async (
        req: Parameters<typeof authOf>[0] & {
          params: { id: string };
          body: { feedback?: string; expectedVersion?: number; title?: string; body?: string };
        },
      ) => {
        const reviewer = authOf(req);
        const { tdb } = await tenantClientFor(req.params.id);
        const { title, body } = req.body;
        await applyTransition(
          { tdb, outbox: ctx.outbox, log: req.log, realtime: ctx.realtime },
          {
            activityId: req.params.id,
            action,
            actor: { type: "user", id: reviewer.sub },
            feedback: req.body.feedback,
            expectedVersion: req.body.expectedVersion,
            requestId: req.id,
            // Edit-and-approve keeps the reviewer's text as a human version: no AI run.
            within:
              title !== undefined && body !== undefined
                ? async (tx, a) => {
                    const number = (await tx.contentVersion.count({ where: { activityId: a.id } })) + 1;
                    const version = await tx.contentVersion.create({
                      data: {
                        tenantId: a.tenantId,
                        activityId: a.id,
                        number,
                        revision: a.revision,
                        title,
                        body,
                        authorType: "user",
                        authorUserId: reviewer.sub,
                      },
                    });
                    if (a.type === "blog_post")
                      await tx.blogPost.upsert({
                        where: { activityId: a.id },
                        create: { tenantId: a.tenantId, activityId: a.id, title, body },
                        update: { title, body },
                      });
                    if (a.type === "social_post")
                      await tx.socialPost.upsert({
                        where: { activityId: a.id },
                        create: { tenantId: a.tenantId, activityId: a.id, channel: a.channel, text: body },
                        update: { text: body },
                      });
                    return { currentVersionId: version.id };
                  }
                : undefined,
          },
        );
        return detail(req.params.id);
      };
    const route = <B extends z.ZodType>(body: B) => ({
      schema: { tags: ["dm"], params: idParams, body, response: { 200: reviewDetail, ...errorResponses } },
    });

    app.post(
      "/activities/:id/approve",
      route(z.strictObject({ expectedVersion: expectedVersionField }).default({})),
      act("dm_approve"),
    );
    app.post(
      "/activities/:id/reject",
      route(z.strictObject({ feedback: feedbackField, expectedVersion: expectedVersionField })),
      act("dm_reject"),
    );
    app.post(
      "/activities/:id/edit-approve",
      route(
        z.strictObject({
          title: z.string().trim().min(3).max(200),
          body: z.string().trim().min(20).max(100_000),
          expectedVersion: expectedVersionField,
        }),
      ),
      act("dm_edit_approve"),
    );
    app.post(
      "/activities/:id/retry",
      route(z.strictObject({ feedback: feedbackField.optional(), expectedVersion: expectedVersionField }).default({})),
      act("dm_retry"),
    );
  };
