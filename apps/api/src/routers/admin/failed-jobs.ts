import type { FailedJob } from "@leadmetrics/db";
import { replayFailedJobById } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import {
  describeFailedJobs,
  type FailedJobContext,
  failedJobWithReplayState,
  listFailedJobs,
} from "../../domain/failed-jobs";
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
  queueLabel: z.string().describe('The queue for people: "Blog writer", "Email notifications"'),
  reasonText: z.string().describe("The reason in plain words, with the next step when it is known"),
  waitsForCredits: z.boolean().describe("Stopped for want of credits, not replayed yet: the next grant replays it"),
  tenant: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
  subject: z
    .object({ kind: z.enum(["activity", "plan"]), id: z.uuid(), name: z.string().nullable() })
    .nullable()
    .describe("The activity or plan the job was working on; its name is null when it is gone"),
});

const toFailed = (f: FailedJob & FailedJobContext) => ({
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
  queueLabel: f.queueLabel,
  reasonText: f.reasonText,
  waitsForCredits: f.waitsForCredits,
  tenant: f.tenant,
  subject: f.subject,
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
        return {
          items: (await describeFailedJobs(ctx.db, rows)).map(toFailed),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
        };
      },
    );

    app.get(
      "/failed-jobs/:id",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) => {
        const { row, replayState } = await failedJobWithReplayState(ctx, req.params.id);
        const [described] = await describeFailedJobs(ctx.db, [row]);
        return { ...toFailed(described!), replayState };
      },
    );

    /** Runs the job again under a new id (after the cause is fixed: credits granted, channel connected, …). */
    app.post(
      "/failed-jobs/:id/replay",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) => {
        const row = await replayFailedJobById({ db: ctx.db, outbox: ctx.outbox }, req.params.id, {
          actorId: authOf(req).sub,
          requestId: req.id,
        });
        const [described] = await describeFailedJobs(ctx.db, [row]);
        return toFailed(described!);
      },
    );
  };
