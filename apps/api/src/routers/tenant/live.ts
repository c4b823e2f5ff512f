import { notFound } from "@leadmetrics/errors";
import { AGENT_ROLES } from "@leadmetrics/queue";
import { outputStreamKey, readAgentLive } from "@leadmetrics/realtime";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses, idParams } from "../../lib/http-schemas";
import { mirrorCorsOrigin } from "../../plugins/security";
import type { RouterContext } from "../context";

/** Live views: the latest state of each agent, and an activity's draft as it is written (SSE). */
export const liveRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/agents/live",
      {
        schema: {
          tags: ["tenant"],
          response: { 200: z.object({ items: z.array(z.record(z.string(), z.unknown())) }), ...errorResponses },
        },
      },
      async (req) => ({
        items: (await readAgentLive(ctx.redis, tenantOf(req).tenantId, AGENT_ROLES)) as unknown as Record<
          string,
          unknown
        >[],
      }),
    );

    /**
     * Server-sent events: every chunk the agent has produced for the current revision (replayed
     * from the start, so a late reader misses nothing), then new ones as they come, ending with
     * the final state. The reply is hijacked: no request timeout applies.
     */
    app.get("/activities/:id/stream", { schema: { tags: ["tenant"], params: idParams } }, async (req, reply) => {
      const t = tenantOf(req);
      const activity = await t.db.activity.findFirst({
        where: { id: req.params.id },
        select: { id: true, revision: true, status: true },
      });
      if (!activity) throw notFound("Activity");
      reply.hijack();
      reply.raw.writeHead(200, {
        ...mirrorCorsOrigin(req, reply, ctx.config.CORS_ORIGINS),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
        "x-request-id": req.id,
      });
      const send = (event: string, data: unknown) =>
        reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      // A blocking XREAD needs its own connection.
      const reader = ctx.redis.duplicate({ enableOfflineQueue: true });
      let open = true;
      req.raw.on("close", () => {
        open = false;
        reader.disconnect();
      });
      const finish = (status: string) => {
        send("end", { status });
        open = false;
        reply.raw.end();
        reader.disconnect();
      };
      if (!["planned", "drafting"].includes(activity.status)) return finish(activity.status);
      let cursor = "0";
      const heartbeat = setInterval(() => open && reply.raw.write(": keep-alive\n\n"), 15_000);
      try {
        while (open) {
          const res = (await reader
            .xread("COUNT", 100, "BLOCK", 5_000, "STREAMS", outputStreamKey(activity.id), cursor)
            .catch(() => null)) as [string, [string, string[]][]][] | null;
          if (!open) break;
          if (!res) {
            // Nothing new: the draft may have finished before we started reading.
            const now = await t.db.activity.findFirst({
              where: { id: activity.id },
              select: { status: true, revision: true },
            });
            if (now && now.status !== "drafting" && now.status !== "planned") return finish(now.status);
            continue;
          }
          for (const [id, fields] of res[0]![1]) {
            cursor = id;
            const f: Record<string, string> = {};
            for (let i = 0; i < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
            if (Number(f.revision) !== activity.revision) continue;
            if (f.kind === "chunk") send("chunk", { text: f.text });
            else return finish(f.status || (f.kind === "error" ? "needs_attention" : "dm_review"));
          }
        }
      } finally {
        clearInterval(heartbeat);
      }
    });
  };
