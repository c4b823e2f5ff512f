import { checkReadiness } from "@leadmetrics/lifecycle";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouterContext } from "./context";

/** Liveness (the process answers) and readiness (every backing service answers). */
export const healthRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/live",
      { schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok") }) } } },
      async () => ({
        status: "ok" as const,
      }),
    );

    app.get(
      "/ready",
      {
        schema: {
          tags: ["health"],
          description: "200 when PostgreSQL and Redis answer; 503 with the state of each check otherwise.",
        },
      },
      async (_req, reply) => {
        const { ready, checks, failing } = await checkReadiness({
          postgres: () => ctx.db.$queryRaw`SELECT 1`,
          redis: () => ctx.redis.ping(),
        });
        if (ready) return { status: "ok", checks };
        return reply.status(503).send({
          status: "degraded",
          checks,
          error: { code: "NOT_READY", message: `Not ready: ${failing.join(", ")} unavailable`, details: { checks } },
        });
      },
    );
  };
