import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { authOf } from "../../auth/guards";
import { createStaffUser, listUsers, staffUserInput, type UserView } from "../../domain/users";
import { errorResponses, page, paginationQuery, skipTake } from "../../lib/http-schemas";
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

const toUser = (u: UserView): z.infer<typeof userSchema> => ({
  ...u,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

export const adminUsersRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/users",
      { schema: { tags: ["admin"], querystring: listQuery, response: { 200: page(userSchema), ...errorResponses } } },
      async (req) => {
        const { platformRole, search } = req.query;
        const { users, total } = await listUsers(ctx.db, { platformRole, search }, skipTake(req.query));
        return { items: users.map(toUser), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    /** Platform staff: DM reviewers and super-admins. */
    app.post(
      "/users",
      { schema: { tags: ["admin"], body: staffUserInput, response: { 201: userSchema, ...errorResponses } } },
      async (req, reply) => {
        const user = await createStaffUser(
          { db: ctx.db, invites: ctx.invites, log: req.log },
          { userId: authOf(req).sub, requestId: req.id },
          req.body,
        );
        return reply.status(201).send(toUser(user));
      },
    );
  };
