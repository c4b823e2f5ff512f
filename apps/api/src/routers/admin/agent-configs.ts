import { AGENT_ROLES } from "@leadmetrics/queue";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { ADAPTERS, agentConfigInput, agentConfigsOf, saveAgentConfig } from "../../domain/agent-configs";
import { errorResponses, idParams } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const agentConfigSchema = z.object({
  role: z.enum(AGENT_ROLES),
  adapter: z.enum(ADAPTERS),
  model: z.string(),
  temperature: z.number(),
  enabled: z.boolean(),
  /** False when no row exists and the platform default applies. */
  configured: z.boolean(),
});

/** `/tenants/:id/agent-configs`: which adapter and model each agent role runs on, per tenant. */
export const adminAgentConfigsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/tenants/:id/agent-configs",
      {
        schema: {
          tags: ["admin"],
          params: idParams,
          response: { 200: z.object({ items: z.array(agentConfigSchema) }), ...errorResponses },
        },
      },
      async (req) => ({ items: await agentConfigsOf(ctx.db, req.params.id) }),
    );

    app.put(
      "/tenants/:id/agent-configs/:role",
      {
        schema: {
          tags: ["admin"],
          params: z.object({ id: z.uuid(), role: z.enum(AGENT_ROLES) }),
          body: agentConfigInput,
          response: { 200: agentConfigSchema, ...errorResponses },
        },
      },
      async (req) =>
        saveAgentConfig(ctx.db, {
          tenantId: req.params.id,
          role: req.params.role,
          config: req.body,
          actorId: authOf(req).sub,
          requestId: req.id,
        }),
    );
  };
