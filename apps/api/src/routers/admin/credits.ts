import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { grantCreditsAndResume, tenantCredits } from "../../domain/credits";
import { errorResponses, idParams, page, paginationQuery, skipTake } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const ledgerEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(["grant", "run", "adjustment"]),
  status: z.enum(["reserved", "settled", "released", "posted"]),
  amount: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  run: z
    .object({
      role: z.string(),
      activityId: z.uuid().nullable(),
      planId: z.uuid().nullable(),
      subject: z.string().nullable().describe("The activity's title or the plan's name"),
    })
    .nullable()
    .describe("For a run's entry: the agent that ran and on what"),
  actor: z
    .object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe("Who granted; null for the platform (welcome credits) and for runs"),
});

const tenantCreditsSchema = z.object({
  available: z.number().int(),
  reserved: z.number().int(),
  waiting: z
    .object({
      activityCount: z.number().int(),
      activities: z.array(z.object({ id: z.uuid(), title: z.string() })).describe("The oldest few, by title"),
      jobCount: z.number().int(),
      jobsByQueue: z.array(z.object({ queue: z.string(), label: z.string(), count: z.number().int() })),
    })
    .describe("What stopped for want of credits: a grant moves the drafts back to drafting and replays the jobs"),
  ledger: page(ledgerEntrySchema),
});

/** `/credits/grants`: a super-admin tops up a tenant's credits; `/tenants/:id/credits`: what the tenant has and spent. */
export const adminCreditsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/tenants/:id/credits",
      {
        schema: {
          tags: ["admin"],
          params: idParams,
          querystring: paginationQuery,
          response: { 200: tenantCreditsSchema, ...errorResponses },
        },
      },
      async (req) => {
        const { ledger, ...rest } = await tenantCredits(ctx.db, req.params.id, skipTake(req.query));
        return {
          ...rest,
          ledger: {
            items: ledger.entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
            total: ledger.total,
            page: req.query.page,
            pageSize: req.query.pageSize,
          },
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
            amount: z
              .number()
              .int("Grant whole credits, without decimals")
              .min(1, "Grant at least 1 credit")
              .max(1_000_000, "Grant at most 1,000,000 credits at a time"),
            note: z
              .string()
              .trim()
              .min(3, "Say why, in 3 characters or more: the tenant's ledger shows it")
              .max(500, "Keep the note under 500 characters"),
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
        const { balance, entry, resumedJobs } = await grantCreditsAndResume(
          { db: ctx.db, outbox: ctx.outbox, realtime: ctx.realtime },
          { ...req.body, actorId: authOf(req).sub, requestId: req.id },
        );
        return reply
          .status(201)
          .send({ available: balance.available, reserved: balance.reserved, ledgerEntryId: entry.id, resumedJobs });
      },
    );
  };
