import { writeAudit } from "@leadmetrics/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { errorResponses } from "../../lib/http-schemas";

const text = z.string().trim().min(3).max(5_000);
const contextSchema = z.object({
  version: z.number().int(),
  brandVoice: z.string(),
  audience: z.string(),
  products: z.string(),
  createdById: z.uuid().nullable(),
  createdAt: z.string(),
});

/** Brand voice, audience and products: what every agent reads. Each save is a new version. */
export const clientContextRouter = (): FastifyPluginAsyncZod => async (app) => {
  app.get(
    "/client-context",
    {
      schema: {
        tags: ["tenant"],
        response: {
          200: z.object({ current: contextSchema.nullable(), history: z.array(contextSchema) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const rows = await tenantOf(req).db.clientContext.findMany({ orderBy: { version: "desc" }, take: 20 });
      const out = rows.map(({ id: _i, tenantId: _t, ...r }) => ({ ...r, createdAt: r.createdAt.toISOString() }));
      return { current: out[0] ?? null, history: out };
    },
  );

  app.put(
    "/client-context",
    {
      config: { tenantRoles: ["owner", "admin"] },
      schema: {
        tags: ["tenant"],
        body: z.strictObject({ brandVoice: text, audience: text, products: text }),
        response: { 200: contextSchema, ...errorResponses },
      },
    },
    async (req) => {
      const t = tenantOf(req);
      const row = await t.db.$transaction(async (tx) => {
        const last = await tx.clientContext.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
        // (tenantId, version) is unique: two simultaneous saves cannot both become the same version.
        const created = await tx.clientContext.create({
          data: { tenantId: t.tenantId, version: (last?.version ?? 0) + 1, ...req.body, createdById: t.userId },
        });
        await writeAudit(tx, {
          actorId: t.userId,
          action: "client_context.updated",
          targetType: "ClientContext",
          targetId: created.id,
          requestId: req.id,
          metadata: { version: created.version },
        });
        return created;
      });
      const { id: _i, tenantId: _t, ...r } = row;
      return { ...r, createdAt: r.createdAt.toISOString() };
    },
  );
};
