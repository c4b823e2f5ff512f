import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { protect } from "../../auth/guards";
import { errorResponses } from "../../lib/http-schemas";
import type { RouterContext } from "../context";
import { dmReviewRouter } from "./review";

/** `/dm/v1`: DM reviewers and super-admins, across tenants. */
export const dmRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    protect(app, "dm", ctx.guards.dm);
    await app.register(dmReviewRouter(ctx));

    // The workspaces a reviewer can filter the review queue by.
    app.get(
      "/tenants",
      {
        schema: {
          tags: ["dm"],
          response: {
            200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), timezone: z.string() })) }),
            ...errorResponses,
          },
        },
      },
      async () => ({
        items: await ctx.db.tenant.findMany({
          where: { status: "active" },
          select: { id: true, name: true, timezone: true },
          orderBy: { name: "asc" },
        }),
      }),
    );
  };
