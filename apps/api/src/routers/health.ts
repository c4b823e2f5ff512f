import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { RouterContext } from "./context";

const checkSchema = z.object({ status: z.enum(["ok", "error"]), latencyMs: z.number(), error: z.string().optional() });

async function timed(fn: () => Promise<unknown>, timeoutMs: number): Promise<z.infer<typeof checkSchema>> {
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: "ok", latencyMs: Math.round(performance.now() - start) };
  } catch (err) {
    return { status: "error", latencyMs: Math.round(performance.now() - start), error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (every backing service answers). */
export const healthRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/live", { schema: { tags: ["health"], response: { 200: z.object({ status: z.literal("ok") }) } } }, async () => ({
      status: "ok" as const,
    }));

    app.get(
      "/ready",
      {
        schema: {
          tags: ["health"],
          description: "200 when PostgreSQL and Redis answer; 503 with the state of each check otherwise.",
        },
      },
      async (_req, reply) => {
        const [postgres, redis] = await Promise.all([
          timed(() => ctx.db.$queryRaw`SELECT 1`, 2_000),
          timed(() => ctx.redis.ping(), 2_000),
        ]);
        const checks = { postgres, redis };
        const failing = Object.entries(checks).filter(([, c]) => c.status !== "ok").map(([name]) => name);
        if (failing.length === 0) return { status: "ok", checks };
        return reply.status(503).send({
          status: "degraded",
          checks,
          error: { code: "NOT_READY", message: `Not ready: ${failing.join(", ")} unavailable`, details: { checks } },
        });
      },
    );
  };
