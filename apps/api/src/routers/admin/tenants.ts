import { notFound } from "@leadmetrics/errors";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { listTenants, setTenantStatus, type TenantStatusAction, tenantFields } from "../../domain/tenants";
import { createWorkspace } from "../../domain/workspaces";
import {
  emailSchema,
  errorResponses,
  idParams,
  nameSchema,
  page,
  paginationQuery,
  skipTake,
  timezoneSchema,
} from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const tenantSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status: z.enum(["active", "suspended"]),
  timezone: z.string(),
  suspendedAt: z.string().nullable(),
  suspendedReason: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});

const listQuery = paginationQuery.extend({
  status: z.enum(["active", "suspended"]).optional(),
  search: z.string().trim().max(120).optional(),
});

const createBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  timezone: timezoneSchema.default("UTC"),
  owner: z.strictObject({ email: emailSchema, name: nameSchema }),
  initialCredits: z
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .optional()
    .describe("Credits the workspace starts with; without it, the welcome credits every new workspace gets"),
});

const suspendBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(3, "Give a reason in 3 characters or more: the audit log keeps it")
    .max(500, "Keep the reason under 500 characters"),
});

const select = { ...tenantFields, _count: { select: { members: true } } } as const;

type Row = {
  id: string;
  name: string;
  slug: string;
  status: "active" | "suspended";
  timezone: string;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  createdAt: Date;
  _count: { members: number };
};
const toTenant = (t: Row) => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  status: t.status,
  timezone: t.timezone,
  suspendedAt: t.suspendedAt?.toISOString() ?? null,
  suspendedReason: t.suspendedReason,
  memberCount: t._count.members,
  createdAt: t.createdAt.toISOString(),
});

export const adminTenantsRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get(
      "/tenants",
      { schema: { tags: ["admin"], querystring: listQuery, response: { 200: page(tenantSchema), ...errorResponses } } },
      async (req) => {
        const { status, search } = req.query;
        const { items: rows, total } = await listTenants(db, { status, search }, skipTake(req.query));
        return { items: rows.map(toTenant), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      "/tenants/:id",
      { schema: { tags: ["admin"], params: idParams, response: { 200: tenantSchema, ...errorResponses } } },
      async (req) => {
        const row = await db.tenant.findUnique({ where: { id: req.params.id }, select });
        if (!row) throw notFound("Tenant");
        return toTenant(row);
      },
    );

    app.post(
      "/tenants",
      { schema: { tags: ["admin"], body: createBody, response: { 201: tenantSchema, ...errorResponses } } },
      async (req, reply) => {
        const { name, timezone, owner, initialCredits } = req.body;
        const { tenant } = await createWorkspace(
          { db, welcomeCredits: ctx.config.SIGNUP_CREDITS, invites: ctx.invites, log: req.log },
          {
            name,
            timezone,
            owner,
            createdBy: { kind: "super-admin", userId: authOf(req).sub },
            initialCredits,
            requestId: req.id,
          },
        );
        return reply
          .status(201)
          .send(toTenant(await db.tenant.findUniqueOrThrow({ where: { id: tenant.id }, select })));
      },
    );

    async function setStatus(req: FastifyRequest, tenantId: string, action: TenantStatusAction, reason?: string) {
      await setTenantStatus(db, { tenantId, action, reason, actorId: authOf(req).sub, requestId: req.id });
      return toTenant(await db.tenant.findUniqueOrThrow({ where: { id: tenantId }, select }));
    }

    app.post(
      "/tenants/:id/suspend",
      {
        schema: {
          tags: ["admin"],
          params: idParams,
          body: suspendBody,
          response: { 200: tenantSchema, ...errorResponses },
        },
      },
      (req) => setStatus(req, req.params.id, "suspend", req.body.reason),
    );
    app.post(
      "/tenants/:id/reactivate",
      { schema: { tags: ["admin"], params: idParams, response: { 200: tenantSchema, ...errorResponses } } },
      (req) => setStatus(req, req.params.id, "reactivate"),
    );
  };
