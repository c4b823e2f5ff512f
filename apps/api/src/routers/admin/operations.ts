import { randomUUID } from "node:crypto";
import { grantCredits, isInsufficientCreditsReason } from "@leadmetrics/billing";
import { type FailedJob, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { AGENT_ROLES, isQueueName, QUEUES, REPLAY_JOB_PREFIX, stageJobs } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { errorResponses, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const ADAPTERS = ["offline", "anthropic", "openai", "gemini", "claude-cli"] as const;

const agentConfigSchema = z.object({
  role: z.enum(AGENT_ROLES),
  adapter: z.enum(ADAPTERS),
  model: z.string(),
  temperature: z.number(),
  enabled: z.boolean(),
  /** False when no row exists and the platform default applies. */
  configured: z.boolean(),
});
const agentConfigBody = z.strictObject({
  adapter: z.enum(ADAPTERS),
  model: z.string().trim().min(1).max(100),
  temperature: z.number().min(0).max(2).default(0.7),
  enabled: z.boolean().default(true),
});

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
type FailedRow = {
  id: string;
  queue: string;
  jobId: string;
  tenantId: string | null;
  payload: unknown;
  reason: string;
  attempts: number;
  replayedAt: Date | null;
  replayJobId: string | null;
  createdAt: Date;
};
const toFailed = (f: FailedRow) => ({
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

/** Running the platform: agent configs per tenant, credit grants, and jobs that failed for good. */
export const adminOperationsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get(
      "/tenants/:id/agent-configs",
      {
        schema: {
          tags: ["admin"],
          params: idParams,
          response: { 200: z.object({ items: z.array(agentConfigSchema) }), ...errorResponses },
        },
      },
      async (req) => {
        if (!(await db.tenant.findUnique({ where: { id: req.params.id }, select: { id: true } })))
          throw notFound("Tenant");
        const rows = await db.agentConfig.findMany({ where: { tenantId: req.params.id } });
        return {
          items: AGENT_ROLES.map((role) => {
            const row = rows.find((r) => r.role === role);
            return row
              ? {
                  role,
                  adapter: row.adapter as (typeof ADAPTERS)[number],
                  model: row.model,
                  temperature: row.temperature,
                  enabled: row.enabled,
                  configured: true,
                }
              : {
                  role,
                  adapter: "offline" as const,
                  model: "offline",
                  temperature: 0.7,
                  enabled: true,
                  configured: false,
                };
          }),
        };
      },
    );

    app.put(
      "/tenants/:id/agent-configs/:role",
      {
        schema: {
          tags: ["admin"],
          params: z.object({ id: z.uuid(), role: z.enum(AGENT_ROLES) }),
          body: agentConfigBody,
          response: { 200: agentConfigSchema, ...errorResponses },
        },
      },
      async (req) => {
        const actor = authOf(req);
        const { id: tenantId, role } = req.params;
        if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
        const row = await db.$transaction(async (tx) => {
          const saved = await tx.agentConfig.upsert({
            where: { tenantId_role: { tenantId, role } },
            create: { tenantId, role, ...req.body },
            update: req.body,
          });
          await writeAudit(tx, {
            tenantId,
            actorId: actor.sub,
            action: "agent_config.updated",
            targetType: "AgentConfig",
            targetId: saved.id,
            requestId: req.id,
            metadata: { role, ...req.body },
          });
          return saved;
        });
        return {
          role,
          adapter: row.adapter as (typeof ADAPTERS)[number],
          model: row.model,
          temperature: row.temperature,
          enabled: row.enabled,
          configured: true,
        };
      },
    );

    app.post(
      "/credits/grants",
      {
        schema: {
          tags: ["admin"],
          body: z.strictObject({
            tenantId: z.uuid(),
            amount: z.number().int().min(1).max(1_000_000),
            note: z.string().trim().min(3).max(500),
          }),
          response: {
            201: z.object({
              available: z.number().int(),
              reserved: z.number().int(),
              ledgerEntryId: z.uuid(),
              resumedJobs: z
                .number()
                .int()
                .describe("Jobs that had stopped for want of credits, replayed by this grant"),
            }),
            ...errorResponses,
          },
        },
      },
      async (req, reply) => {
        if (!(await db.tenant.findUnique({ where: { id: req.body.tenantId }, select: { id: true } })))
          throw notFound("Tenant");
        const actorId = authOf(req).sub;
        const { balance, entry } = await grantCredits(db, { ...req.body, actorId, requestId: req.id });
        // Work that stopped for want of credits starts again, oldest first; what still lacks credits fails again and stays listed.
        const waiting = (
          await db.failedJob.findMany({
            where: { tenantId: req.body.tenantId, replayedAt: null },
            orderBy: { createdAt: "asc" },
          })
        ).filter((row) => isInsufficientCreditsReason(row.reason));
        let resumedJobs = 0;
        for (const row of waiting)
          if (
            await replay(row, actorId, req.id).then(
              () => true,
              () => false,
            )
          )
            resumedJobs++;
        return reply
          .status(201)
          .send({ available: balance.available, reserved: balance.reserved, ledgerEntryId: entry.id, resumedJobs });
      },
    );

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
        const where = {
          ...(queue ? { queue } : {}),
          ...(tenantId ? { tenantId } : {}),
          ...(replayed ? { replayedAt: replayed === "true" ? { not: null } : null } : {}),
        };
        const [rows, total] = await Promise.all([
          db.failedJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
          db.failedJob.count({ where }),
        ]);
        return { items: rows.map(toFailed), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      "/failed-jobs/:id",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) => {
        const row = await db.failedJob.findUnique({ where: { id: req.params.id } });
        if (!row) throw notFound("Failed job");
        const replayState =
          row.replayJobId && isQueueName(row.queue)
            ? await ctx.queues
                .queue(row.queue)
                .getJobState(row.replayJobId)
                .catch(() => "unknown")
            : null;
        return { ...toFailed(row), replayState };
      },
    );

    /** Runs the job again under a new id (after the cause is fixed: credits granted, channel connected, …). */
    app.post(
      "/failed-jobs/:id/replay",
      { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } },
      async (req) => {
        const row = await db.failedJob.findUnique({ where: { id: req.params.id } });
        if (!row) throw notFound("Failed job");
        await replay(row, authOf(req).sub, req.id);
        return toFailed(await db.failedJob.findUniqueOrThrow({ where: { id: row.id } }));
      },
    );

    /** Runs a failed job again under a new id, once, with an audit row. */
    async function replay(row: FailedJob, actorId: string, requestId: string): Promise<void> {
      if (row.replayedAt)
        throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed", { replayJobId: row.replayJobId });
      if (!isQueueName(row.queue)) throw new AppError(409, "NOT_REPLAYABLE", `Unknown queue ${row.queue}`);
      const parsed = QUEUES[row.queue].schema.safeParse(row.payload);
      if (!parsed.success)
        throw new AppError(409, "NOT_REPLAYABLE", "The payload is invalid and would fail again", parsed.error.issues);
      const queue = row.queue;
      const jobId = `${REPLAY_JOB_PREFIX}${randomUUID()}`;
      // The claim, the audit row and the job commit together (outbox): two operators clicking at
      // once (or a click and a grant) replay it once, and a Redis outage delays it, never loses it.
      const staged = await db.$transaction(async (tx) => {
        const claimed = await tx.failedJob.updateMany({
          where: { id: row.id, replayedAt: null },
          data: { replayedAt: new Date(), replayedById: actorId, replayJobId: jobId },
        });
        if (claimed.count !== 1) throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed");
        await writeAudit(tx, {
          tenantId: row.tenantId,
          actorId,
          action: "failed_job.replayed",
          targetType: "FailedJob",
          targetId: row.id,
          requestId,
          metadata: { queue, jobId },
        });
        return stageJobs(tx, [{ queue, payload: parsed.data, jobId }]);
      });
      await ctx.outbox.flush(staged).catch(() => undefined); // the relay retries what could not be added now
    }
  };
