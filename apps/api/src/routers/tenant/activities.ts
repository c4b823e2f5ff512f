import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import {
  type ClientDecision,
  decideAsClient,
  listActivities,
  publishingChoiceInput,
  setPublishingChoice,
} from "../../domain/activities";
import { loadActivityDetail } from "../../lib/activity-detail";
import {
  ACTIVITY_STATUSES,
  activityCardSchema,
  activityDetailSchema,
  DELIVERABLE_TYPES,
  expectedVersionField,
  feedbackField,
  toActivityCard,
} from "../../lib/activity-schemas";
import { errorResponses, errorSchema, idParams, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

// A GET form sends its empty fields as empty strings: they mean "any".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

const listQuery = paginationQuery.extend({
  status: z
    .union([z.enum(ACTIVITY_STATUSES), z.array(z.enum(ACTIVITY_STATUSES)).max(ACTIVITY_STATUSES.length)])
    .optional()
    .transform((s) => (s === undefined ? undefined : Array.isArray(s) ? s : [s]))
    .describe("One status, or several (repeat the parameter)"),
  type: z.enum(DELIVERABLE_TYPES).optional(),
  planId: z.uuid().optional(),
  channel: optionalText(64).describe("The channel, exactly (linkedin, …)"),
  q: optionalText(200).describe("Words of the title or the topic, matched literally and case-insensitively"),
  sort: z.enum(["recent", "due"]).default("recent").describe("recent: last changed first; due: soonest due first"),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const listResponse = z.object({
  items: z.array(activityCardSchema),
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
        const { status, type, planId, channel, q, sort } = req.query;
        const { rows, total, countsByStatus } = await listActivities(
          tenantOf(req).db,
          { status, type, planId, channel, q },
          skipTake(req.query),
          sort,
        );
        return {
          items: rows.map(toActivityCard),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
          countsByStatus,
        };
      },
    );

    app.get(
      "/activities/:id",
      { schema: { tags: ["tenant"], params: idParams, response: { 200: activityDetailSchema, ...errorResponses } } },
      async (req) => loadActivityDetail(tenantOf(req).db, req.params.id),
    );

    /** Applies the decision, then answers with the activity as it now is. */
    const decide = async (req: FastifyRequest & { params: { id: string } }, decision: ClientDecision) => {
      const t = tenantOf(req);
      await decideAsClient(
        { tdb: t.db, outbox: ctx.outbox, log: req.log, realtime: ctx.realtime },
        { userId: t.userId, requestId: req.id },
        req.params.id,
        decision,
      );
      return loadActivityDetail(t.db, req.params.id);
    };
    const decisionRoute = <B extends z.ZodType>(body: B) => ({
      config: approvers,
      // 422: a social post that breaks its network's limits cannot be approved as it is.
      schema: {
        tags: ["tenant"],
        params: idParams,
        body,
        response: { 200: activityDetailSchema, ...errorResponses, 422: errorSchema },
      },
    });
    const withoutFeedback = () => decisionRoute(z.strictObject({ expectedVersion: expectedVersionField }).default({}));

    app.put(
      "/activities/:id/publishing",
      {
        config: approvers,
        schema: {
          tags: ["tenant"],
          description:
            "Where it is published (a connected site or account) and a social post's images, until the client approves it (409 after).",
          params: idParams,
          body: publishingChoiceInput,
          response: { 200: activityDetailSchema, ...errorResponses },
        },
      },
      async (req) => {
        const t = tenantOf(req);
        await setPublishingChoice(t.db, { userId: t.userId, requestId: req.id }, req.params.id, req.body);
        return loadActivityDetail(t.db, req.params.id);
      },
    );

    app.post("/activities/:id/approve", withoutFeedback(), (req) =>
      decide(req, { action: "client_approve", ...req.body }),
    );
    app.post(
      "/activities/:id/reject",
      decisionRoute(z.strictObject({ feedback: feedbackField, expectedVersion: expectedVersionField })),
      (req) => decide(req, { action: "client_reject", ...req.body }),
    );
    app.post("/activities/:id/retry-publish", withoutFeedback(), (req) =>
      decide(req, { action: "retry_publish", ...req.body }),
    );
  };
