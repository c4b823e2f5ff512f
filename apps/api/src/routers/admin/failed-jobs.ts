import type { FailedJob } from "@leadmetrics/db";
import { replayFailedJobById } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { failedJobWithReplayState, listFailedJobs } from "../../domain/failed-jobs";
import { errorResponses, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const failedJobSchema = z.object({
  id: z.uuid(),
  queue: z.string(),
  jobId: z.string(),
  tenantId: z.uuid().nullable(),
  payload: z.unknown(),
  reason: z.string(),
  attempts: z.number().int(),
  replayedAt: z.string().nullable(),
  replayJobId: z.string().nullable(),
  /** The replay's BullMQ state (completed, failed, active, waiting, …), when it was replayed. */
  replayState: z.string().nullable().optional(),
  createdAt: z.string(),
});

const toFailed = (f: FailedJob) => ({
  id: f.id,
  queue: f.queue,
  jobId: f.jobId,
  tenantId: f.tenantId,
  payload: f.payload,
  reason: f.reason,
  attempts: f.attempts,
  replayedAt: f.replayedAt?.toISOString() ?? null,
  replayJobId: f.replayJobId,
  createdAt: f.createdAt.toISOString(),
});

/** `/failed-jobs`: jobs that failed for good, and their replay once the cause is fixed. */
export const adminFailedJobsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/failed-jobs",
      {
        schema: {
          tags: ["admin"],
          querystring: paginationQuery.extend({
            queue: z.string().max(64).optional(),
            tenantId: z.uuid().optional(),
            replayed: z.enum(["true", "false"]).optional(),
          }),
          response: { 200: page(failedJobSchema), ...errorResponses },
        },
      },
      async (req) => {
        const { queue, tenantId, replayed } = req.query;
        const { rows, total } = await listFailedJobs(
          ctx.db,
          { queue, tenantId, replayed: replayed === undefined ? undefined : replayed === "true" },
          skipTake(req.query),
        );
        return { items: rows.map(toFailed), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      "/failed-jobs/:id",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) => {
        const { row, replayState } = await failedJobWithReplayState(ctx, req.params.id);
        return { ...toFailed(row), replayState };
      },
    );

    /** Runs the job again under a new id (after the cause is fixed: credits granted, channel connected, …). */
    app.post(
      "/failed-jobs/:id/replay",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) =>
        toFailed(
          await replayFailedJobById({ db: ctx.db, outbox: ctx.outbox }, req.params.id, {
            actorId: authOf(req).sub,
            requestId: req.id,
          }),
        ),
    );
  };
