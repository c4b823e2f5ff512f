import { grantCredits } from "@leadmetrics/billing";
import { writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { AGENT_ROLES, isQueueName, QUEUES } from "@leadmetrics/queue";
import { randomUUID } from "node:crypto";
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
type FailedRow = { id: string; queue: string; jobId: string; tenantId: string | null; payload: unknown; reason: string; attempts: number; replayedAt: Date | null; replayJobId: string | null; createdAt: Date };
const toFailed = (f: FailedRow) => ({ id: f.id, queue: f.queue, jobId: f.jobId, tenantId: f.tenantId, payload: f.payload, reason: f.reason, attempts: f.attempts, replayedAt: f.replayedAt?.toISOString() ?? null, replayJobId: f.replayJobId, createdAt: f.createdAt.toISOString() });

/** Running the platform: agent configs per tenant, credit grants, and jobs that failed for good. */
export const adminOperationsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get(
      "/tenants/:id/agent-configs",
      { schema: { tags: ["admin"], params: idParams, response: { 200: z.object({ items: z.array(agentConfigSchema) }), ...errorResponses } } },
      async (req) => {
        if (!(await db.tenant.findUnique({ where: { id: req.params.id }, select: { id: true } }))) throw notFound("Tenant");
        const rows = await db.agentConfig.findMany({ where: { tenantId: req.params.id } });
        return {
          items: AGENT_ROLES.map((role) => {
            const row = rows.find((r) => r.role === role);
            return row
              ? { role, adapter: row.adapter as (typeof ADAPTERS)[number], model: row.model, temperature: row.temperature, enabled: row.enabled, configured: true }
              : { role, adapter: "offline" as const, model: "offline", temperature: 0.7, enabled: true, configured: false };
          }),
        };
      },
    );

    app.put(
      "/tenants/:id/agent-configs/:role",
      { schema: { tags: ["admin"], params: z.object({ id: z.uuid(), role: z.enum(AGENT_ROLES) }), body: agentConfigBody, response: { 200: agentConfigSchema, ...errorResponses } } },
      async (req) => {
        const actor = authOf(req);
        const { id: tenantId, role } = req.params;
        if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
        const row = await db.$transaction(async (tx) => {
          const saved = await tx.agentConfig.upsert({ where: { tenantId_role: { tenantId, role } }, create: { tenantId, role, ...req.body }, update: req.body });
          await writeAudit(tx, { tenantId, actorId: actor.sub, action: "agent_config.updated", targetType: "AgentConfig", targetId: saved.id, requestId: req.id, metadata: { role, ...req.body } });
          return saved;
        });
        return { role, adapter: row.adapter as (typeof ADAPTERS)[number], model: row.model, temperature: row.temperature, enabled: row.enabled, configured: true };
      },
    );

    app.post(
      "/credits/grants",
      {
        schema: {
          tags: ["admin"],
          body: z.strictObject({ tenantId: z.uuid(), amount: z.number().int().min(1).max(1_000_000), note: z.string().trim().min(3).max(500) }),
          response: { 201: z.object({ available: z.number().int(), reserved: z.number().int(), ledgerEntryId: z.uuid() }), ...errorResponses },
        },
      },
      async (req, reply) => {
        if (!(await db.tenant.findUnique({ where: { id: req.body.tenantId }, select: { id: true } }))) throw notFound("Tenant");
        const { balance, entry } = await grantCredits(db, { ...req.body, actorId: authOf(req).sub, requestId: req.id });
        return reply.status(201).send({ available: balance.available, reserved: balance.reserved, ledgerEntryId: entry.id });
      },
    );

    app.get(
      "/failed-jobs",
      { schema: { tags: ["admin"], querystring: paginationQuery.extend({ queue: z.string().max(64).optional(), tenantId: z.uuid().optional(), replayed: z.enum(["true", "false"]).optional() }), response: { 200: page(failedJobSchema), ...errorResponses } } },
      async (req) => {
        const { queue, tenantId, replayed } = req.query;
        const where = { ...(queue ? { queue } : {}), ...(tenantId ? { tenantId } : {}), ...(replayed ? { replayedAt: replayed === "true" ? { not: null } : null } : {}) };
        const [rows, total] = await Promise.all([db.failedJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }), db.failedJob.count({ where })]);
        return { items: rows.map(toFailed), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get("/failed-jobs/:id", { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } }, async (req) => {
      const row = await db.failedJob.findUnique({ where: { id: req.params.id } });
      if (!row) throw notFound("Failed job");
      const replayState = row.replayJobId && isQueueName(row.queue) ? await ctx.queues.queue(row.queue).getJobState(row.replayJobId).catch(() => "unknown") : null;
      return { ...toFailed(row), replayState };
    });

    /** Runs the job again under a new id (after the cause is fixed: credits granted, channel connected, …). */
    app.post("/failed-jobs/:id/replay", { schema: { tags: ["admin"], params: idParams, response: { 200: failedJobSchema, ...errorResponses } } }, async (req) => {
      const actor = authOf(req);
      const row = await db.failedJob.findUnique({ where: { id: req.params.id } });
      if (!row) throw notFound("Failed job");
      if (row.replayedAt) throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed", { replayJobId: row.replayJobId });
      if (!isQueueName(row.queue)) throw new AppError(409, "NOT_REPLAYABLE", `Unknown queue ${row.queue}`);
      const parsed = QUEUES[row.queue].schema.safeParse(row.payload);
      if (!parsed.success) throw new AppError(409, "NOT_REPLAYABLE", "The payload is invalid and would fail again", parsed.error.issues);
      // Claim first, so two operators clicking at once replay it once.
      const claimed = await db.failedJob.updateMany({ where: { id: row.id, replayedAt: null }, data: { replayedAt: new Date(), replayedById: actor.sub } });
      if (claimed.count !== 1) throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed");
      const jobId = `replay-${randomUUID()}`;
      await ctx.queues.queue(row.queue).add(row.queue, parsed.data, { jobId });
      await db.failedJob.update({ where: { id: row.id }, data: { replayJobId: jobId } });
      await writeAudit(db, { tenantId: row.tenantId, actorId: actor.sub, action: "failed_job.replayed", targetType: "FailedJob", targetId: row.id, requestId: req.id, metadata: { queue: row.queue, jobId } });
      return toFailed((await db.failedJob.findUniqueOrThrow({ where: { id: row.id } })));
    });
  };
