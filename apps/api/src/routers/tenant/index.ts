import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { protect } from "../../auth/guards";
import type { RouterContext } from "../context";
import { activitiesRouter } from "./activities";
import { channelsRouter } from "./channels";
import { clientContextRouter } from "./client-context";
import { liveRouter } from "./live";
import { mediaRouter } from "./media";
import { membersRouter } from "./members";
import { plansRouter } from "./plans";
import { usageRouter } from "./usage";
import { workspaceRouter } from "./workspace";

/** `/tenant/v1`: workspace members only, each request scoped to the caller's tenant. */
export const tenantRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    protect(app, "tenant", ctx.guards.tenant);
    await app.register(workspaceRouter());
    await app.register(membersRouter(ctx));
    await app.register(plansRouter(ctx));
    await app.register(activitiesRouter(ctx));
    await app.register(clientContextRouter());
    await app.register(channelsRouter(ctx));
    await app.register(usageRouter());
    await app.register(liveRouter(ctx));
    await app.register(mediaRouter(ctx));
  };
