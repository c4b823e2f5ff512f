import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { protect } from "../../auth/guards";
import type { RouterContext } from "../context";
import { membersRouter } from "./members";
import { workspaceRouter } from "./workspace";

/** `/tenant/v1`: workspace members only, each request scoped to the caller's tenant. */
export const tenantRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    protect(app, "tenant", ctx.guards.tenant);
    await app.register(workspaceRouter());
    await app.register(membersRouter(ctx));
  };
