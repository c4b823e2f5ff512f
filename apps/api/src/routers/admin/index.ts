import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { protect } from "../../auth/guards";
import type { RouterContext } from "../context";
import { adminAgentConfigsRouter } from "./agent-configs";
import { adminAuditLogsRouter } from "./audit-logs";
import { adminCreditsRouter } from "./credits";
import { adminFailedJobsRouter } from "./failed-jobs";
import { registerQueueDashboard } from "./queues";
import { adminTenantsRouter } from "./tenants";
import { adminUsersRouter } from "./users";

/** `/admin/v1`: super-admins only. Uses the global client: the platform spans tenants. */
export const adminRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    protect(app, "admin", ctx.guards.admin);
    await app.register(adminTenantsRouter(ctx));
    await app.register(adminUsersRouter(ctx));
    await app.register(adminAuditLogsRouter(ctx));
    await app.register(adminAgentConfigsRouter(ctx));
    await app.register(adminCreditsRouter(ctx));
    await app.register(adminFailedJobsRouter(ctx));
    await registerQueueDashboard(app, ctx);
  };
