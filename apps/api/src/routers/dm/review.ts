import { validationError } from "@leadmetrics/errors";
import { createStorage } from "@leadmetrics/storage";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import {
  decideReview,
  decodeQueueCursor,
  encodeQueueCursor,
  type QueueCursor,
  type ReviewDecision,
  type ReviewQueueStatus,
  reviewedActivity,
  reviewedPostImage,
  reviewQueue,
} from "../../domain/review";
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
import { imageBytes, sendMediaFile } from "../tenant/media";

const queueItem = activitySummarySchema.extend({ tenantName: z.string(), waitingSince: z.string() });
const queueQuery = paginationQuery.extend({
  tenantId: z.uuid().optional(),
  type: z.enum(DELIVERABLE_TYPES).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,300}$/)
    .optional()
    .describe("nextCursor or prevCursor of a page: the page after or before it (page then only labels it)"),
});
const queueResponse = z.object({
  items: z.array(queueItem),
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({
    dm_review: z.number().int(),
    needs_attention: z.number().int(),
    waiting_for_credits: z.number().int().describe("Drafts that could not hold the client's credits"),
    byTenant: z.array(
      z.object({
        tenantId: z.uuid(),
        tenantName: z.string(),
        dm_review: z.number().int(),
        needs_attention: z.number().int(),
        waiting_for_credits: z.number().int(),
      }),
    ),
  }),
});
const reviewDetail = activityDetailSchema.extend({
  tenantName: z.string(),
  tenantTimezone: z.string().describe("The client's time zone: its work is dated in it"),
  clientContext: z
    .object({ version: z.number().int(), brandVoice: z.string(), audience: z.string(), products: z.string() })
    .nullable(),
});

/** The reviewers' side of the loop, across every tenant. */
export const dmReviewRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    async function list(status: ReviewQueueStatus, q: z.infer<typeof queueQuery>) {
      const cursor = q.cursor === undefined ? undefined : decodeQueueCursor(q.cursor);
      if (q.cursor !== undefined && !cursor) {
        throw validationError("This page link is not valid any more: open the queue again", {
          fields: [{ path: "querystring.cursor", message: "not a cursor of this queue" }],
        });
      }
      const { items, cursors, total, counts } = await reviewQueue(
        db,
        status,
        { tenantId: q.tenantId, type: q.type },
        cursor ? { take: q.pageSize, cursor } : skipTake(q),
      );
      const encoded = (c: QueueCursor | null) => (c ? encodeQueueCursor(c) : null);
      return {
        items: items.map(({ activity, tenantName }) => ({
          ...toActivitySummary(activity),
          tenantName,
          waitingSince: activity.updatedAt.toISOString(),
        })),
        nextCursor: encoded(cursors.next),
        prevCursor: encoded(cursors.prev),
        total,
        page: q.page,
        pageSize: q.pageSize,
        counts,
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

    app.get(
      "/activities/:id",
      { schema: { tags: ["dm"], params: idParams, response: { 200: reviewDetail, ...errorResponses } } },
      (req) => reviewedActivity(db, req.params.id),
    );

    const storage = createStorage({ dir: ctx.config.STORAGE_DIR });
    app.get(
      "/activities/:id/media/:mediaId",
      {
        schema: {
          tags: ["dm"],
          description:
            "An image the social post carries (one of its `mediaIds`), as uploaded: the reviewer sees what goes out. 404 for any other image of the library.",
          params: z.object({ id: z.uuid(), mediaId: z.uuid() }),
          response: { 200: imageBytes, ...errorResponses },
        },
      },
      async (req, reply) =>
        sendMediaFile(req, reply, storage, await reviewedPostImage(db, req.params.id, req.params.mediaId)),
    );

    /** Applies the reviewer's decision, then answers with the activity as it now is. */
    const decide = async (req: FastifyRequest & { params: { id: string } }, decision: ReviewDecision) => {
      await decideReview(
        { db, outbox: ctx.outbox, log: req.log, realtime: ctx.realtime },
        { userId: authOf(req).sub, requestId: req.id },
        req.params.id,
        decision,
      );
      return reviewedActivity(db, req.params.id);
    };
    const route = <B extends z.ZodType>(body: B) => ({
      schema: { tags: ["dm"], params: idParams, body, response: { 200: reviewDetail, ...errorResponses } },
    });

    app.post(
      "/activities/:id/approve",
      route(z.strictObject({ expectedVersion: expectedVersionField }).default({})),
      (req) => decide(req, { action: "dm_approve", ...req.body }),
    );
    app.post(
      "/activities/:id/reject",
      route(z.strictObject({ feedback: feedbackField, expectedVersion: expectedVersionField })),
      (req) => decide(req, { action: "dm_reject", ...req.body }),
    );
    app.post(
      "/activities/:id/edit-approve",
      route(
        z.strictObject({
          title: z.string().trim().min(3).max(200),
          // A browser's form sends a textarea's lines with CRLF: stored as the writer's LF.
          body: z
            .string()
            .trim()
            .min(20)
            .max(100_000)
            .transform((text) => text.replace(/\r\n?/g, "\n")),
          expectedVersion: expectedVersionField,
        }),
      ),
      (req) => decide(req, { action: "dm_edit_approve", ...req.body }),
    );
    app.post(
      "/activities/:id/retry",
      route(z.strictObject({ feedback: feedbackField.optional(), expectedVersion: expectedVersionField }).default({})),
      (req) => decide(req, { action: "dm_retry", ...req.body }),
    );
  };
