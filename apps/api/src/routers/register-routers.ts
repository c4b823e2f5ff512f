import type { FastifyInstance } from "fastify";
import { adminRouter } from "./admin";
import { authRouter } from "./auth";
import type { RouterContext } from "./context";
import { dmRouter } from "./dm";
import { healthRouter } from "./health";
import { publicMediaRouter } from "./public-media";
import { tenantRouter } from "./tenant";

/** Every router, registered once: the server and the tests both come through here, so what is tested is what runs. */
export async function registerRouters(app: FastifyInstance, ctx: RouterContext): Promise<void> {
  await app.register(healthRouter(ctx), { prefix: "/health" });
  await app.register(authRouter(ctx), { prefix: "/auth/v1" });
  await app.register(tenantRouter(ctx), { prefix: "/tenant/v1" });
  await app.register(dmRouter(ctx), { prefix: "/dm/v1" });
  await app.register(adminRouter(ctx), { prefix: "/admin/v1" });
  await app.register(publicMediaRouter(ctx), { prefix: "/public/v1" });
}
