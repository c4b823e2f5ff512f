import { TENANT_ROLES } from "@leadmetrics/auth";
import { writeAudit } from "@leadmetrics/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses, timezoneSchema } from "../../lib/http-schemas";

const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  timezone: z.string(),
  status: z.enum(["active", "suspended"]),
  yourRole: z.enum(TENANT_ROLES),
});
const updateBody = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  timezone: timezoneSchema.optional(),
});

/** The caller's own workspace: read by every member, settings changed by owners and admins. */
export const workspaceRouter = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    "/workspace",
    { schema: { tags: ["tenant"], response: { 200: workspaceSchema, ...errorResponses } } },
    async (req) => {
      const t = tenantOf(req);
      const tenant = await t.db.tenant.findFirstOrThrow({});
      return {
        id: tenant.id,
        name: tenant.name,
        slug: tenant.slug,
        timezone: tenant.timezone,
        status: tenant.status,
        yourRole: t.role,
      };
    },
  );

  app.patch(
    "/workspace",
    {
      config: { tenantRoles: ["owner", "admin"] },
      schema: { tags: ["tenant"], body: updateBody, response: { 200: workspaceSchema, ...errorResponses } },
    },
    async (req) => {
      const t = tenantOf(req);
      const tenant = await t.db.$transaction(async (tx) => {
        const updated = await tx.tenant.update({ where: { id: t.tenantId }, data: req.body });
        await writeAudit(tx, {
          actorId: t.userId,
          action: "tenant.settings_changed",
          targetType: "Tenant",
          targetId: t.tenantId,
          requestId: req.id,
          metadata: req.body,
        });
        return updated;
      });
      return {
        id: tenant.id,
        name: tenant.name,
        slug: tenant.slug,
        timezone: tenant.timezone,
        status: tenant.status,
        yourRole: t.role,
      };
    },
  );
};
