import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses, page, paginationQuery, skipTake } from "../../lib/http-schemas";

const ledgerSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["grant", "run", "adjustment"]),
  status: z.enum(["reserved", "settled", "released", "posted"]),
  amount: z.number().int(),
  runKey: z.string().nullable(),
  agentRunId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
const runSchema = z.object({
  id: z.uuid(),
  role: z.string(),
  activityId: z.uuid().nullable(),
  planId: z.uuid().nullable(),
  revision: z.number().int().nullable(),
  wakeReason: z.string().nullable(),
  adapter: z.string(),
  model: z.string(),
  offline: z.boolean(),
  status: z.enum(["running", "succeeded", "failed"]),
  attempts: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  credits: z.number().int(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** What the work costs: the credit balance with its ledger, and every agent run. */
export const usageRouter = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    "/credits",
    {
      schema: {
        tags: ["tenant"],
        querystring: paginationQuery,
        response: {
          200: z.object({ available: z.number().int(), reserved: z.number().int(), ledger: page(ledgerSchema) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { db } = tenantOf(req);
      const [balance, rows, total] = await Promise.all([
        db.creditBalance.findFirst({}),
        db.creditLedger.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
        db.creditLedger.count({}),
      ]);
      return {
        available: balance?.available ?? 0,
        reserved: balance?.reserved ?? 0,
        ledger: {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            status: r.status,
            amount: r.amount,
            runKey: r.runKey,
            agentRunId: r.agentRunId,
            note: r.note,
            createdAt: r.createdAt.toISOString(),
          })),
          total,
          page: req.query.page,
          pageSize: req.query.pageSize,
        },
      };
    },
  );

  app.get(
    "/agent-runs",
    {
      schema: {
        tags: ["tenant"],
        querystring: paginationQuery.extend({ activityId: z.uuid().optional(), role: z.string().max(64).optional() }),
        response: { 200: page(runSchema), ...errorResponses },
      },
    },
    async (req) => {
      const { db } = tenantOf(req);
      const where = {
        ...(req.query.activityId ? { activityId: req.query.activityId } : {}),
        ...(req.query.role ? { role: req.query.role } : {}),
      };
      const [rows, total] = await Promise.all([
        db.agentRun.findMany({
          where,
          omit: { prompt: true, tenantId: true, runKey: true, jobId: true, requestId: true },
          orderBy: [{ startedAt: "desc" }, { id: "desc" }],
          ...skipTake(req.query),
        }),
        db.agentRun.count({ where }),
      ]);
      return {
        items: rows.map((r) => ({
          ...r,
          costUsd: Number(r.costUsd),
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
        })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );
};
