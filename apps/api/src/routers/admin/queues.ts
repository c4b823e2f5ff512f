import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import { codeForStatus, errorBody } from "@leadmetrics/errors";
import { QUEUES, type QueueName } from "@leadmetrics/queue";
import type { FastifyInstance } from "fastify";
import type { RouterContext } from "../context";

/**
 * The queue dashboard (bull-board) for operators, inside the admin router: the same
 * super-admin guard covers it (bearer token, or the Manage portal's cookie).
 */
export async function registerQueueDashboard(app: FastifyInstance, ctx: RouterContext): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath("/admin/v1/queues");
  createBullBoard({
    queues: (Object.keys(QUEUES) as QueueName[]).map((name) => new BullMQAdapter(ctx.queues.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: "Leadmetrics queues" } },
  });
  await app.register(
    async (scoped) => {
      // Not part of the public API description.
      scoped.addHook("onRoute", (route) => {
        route.schema = { ...route.schema, hide: true };
      });
      // bull-board answers errors (the guard's 401/403 included) through its own handler:
      // bring them back to the one error shape.
      scoped.addHook("onSend", async (_req, reply, payload) => {
        if (reply.statusCode < 400 || typeof payload !== "string") return payload;
        try {
          const body = JSON.parse(payload) as { error?: { code?: string }; message?: string };
          if (body.error?.code) return payload;
          return JSON.stringify(errorBody(codeForStatus(reply.statusCode), body.message ?? "Request failed"));
        } catch {
          return payload;
        }
      });
      await scoped.register(serverAdapter.registerPlugin());
    },
    { prefix: "/queues" },
  );
}
