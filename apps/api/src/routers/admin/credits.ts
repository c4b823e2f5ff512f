import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { grantCreditsAndResume } from "../../domain/credits";
import { errorResponses } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

/** `/credits/grants`: a super-admin tops up a tenant's credits. */
export const adminCreditsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
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
