import { hashPassword } from "@leadmetrics/auth";
import { writeAudit } from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import {
  emailSchema,
  errorResponses,
  nameSchema,
  page,
  paginationQuery,
  passwordSchema,
  skipTake,
} from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  platformRole: z.enum(["super_admin", "dm_reviewer", "none"]),
  disabled: z.boolean(),
  invitationPending: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  memberships: z.array(
    z.object({ tenantId: z.uuid(), tenantName: z.string(), role: z.enum(["owner", "admin", "member"]) }),
  ),
});

const listQuery = paginationQuery.extend({
  platformRole: z.enum(["super_admin", "dm_reviewer", "none"]).optional(),
  search: z.string().trim().max(120).optional(),
});

const createBody = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  platformRole: z.enum(["super_admin", "dm_reviewer"]),
  password: passwordSchema.optional().describe("Omit to send an invitation instead"),
});

const select = {
  id: true,
  email: true,
  name: true,
  platformRole: true,
  disabledAt: true,
  passwordHash: true,
  lastLoginAt: true,
  createdAt: true,
  memberships: { select: { tenantId: true, role: true, tenant: { select: { name: true } } } },
} as const;

type Row = {
  id: string;
  email: string;
  name: string;
  platformRole: "super_admin" | "dm_reviewer" | "none";
  disabledAt: Date | null;
  passwordHash: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  memberships: { tenantId: string; role: "owner" | "admin" | "member"; tenant: { name: string } }[];
};
const toUser = (u: Row) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  platformRole: u.platformRole,
  disabled: u.disabledAt !== null,
  invitationPending: u.passwordHash === null,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  memberships: u.memberships.map((m) => ({ tenantId: m.tenantId, tenantName: m.tenant.name, role: m.role })),
});

export const adminUsersRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = ctx;

    app.get(
      "/users",
      { schema: { tags: ["admin"], querystring: listQuery, response: { 200: page(userSchema), ...errorResponses } } },
      async (req) => {
        const { platformRole, search } = req.query;
        const where = {
          ...(platformRole ? { platformRole } : {}),
          ...(search
            ? {
                OR: [
                  { email: { contains: search.toLowerCase() } },
                  { name: { contains: search, mode: "insensitive" as const } },
                ],
              }
            : {}),
        };
        const [rows, total] = await Promise.all([
          db.user.findMany({ where, select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...skipTake(req.query) }),
          db.user.count({ where }),
        ]);
        return { items: rows.map(toUser), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    /** Platform staff: DM reviewers and super-admins. */
    app.post(
      "/users",
      { schema: { tags: ["admin"], body: createBody, response: { 201: userSchema, ...errorResponses } } },
      async (req, reply) => {
        const actor = authOf(req);
        const { email, name, platformRole, password } = req.body;
        const passwordHash = password ? await hashPassword(password) : null;
        const user = await db.$transaction(async (tx) => {
          if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
            throw new AppError(409, "EMAIL_TAKEN", "An account with this email already exists");
          }
          const created = await tx.user.create({ data: { email, name, platformRole, passwordHash }, select });
          await writeAudit(tx, {
            actorId: actor.sub,
            action: "user.created",
            targetType: "User",
            targetId: created.id,
            requestId: req.id,
            metadata: { platformRole },
          });
          return created;
        });
        if (!passwordHash) await ctx.invites.issue(user.id, req.log, "the Leadmetrics team", req.id);
        return reply.status(201).send(toUser(user));
      },
    );
  };
