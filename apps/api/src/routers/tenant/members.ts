import { TENANT_ROLES } from "@leadmetrics/auth";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import {
  changeMemberRole,
  inviteMember,
  listMembers,
  type MemberActor,
  memberInviteInput,
  memberRoleInput,
  removeMember,
} from "../../domain/members";
import { errorResponses } from "../../lib/http-schemas";
import type { RouterContext } from "../context";

const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(TENANT_ROLES),
  invitationPending: z.boolean(),
  joinedAt: z.string(),
});

const memberParams = z.object({ userId: z.uuid() });
const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

const actorOf = (req: FastifyRequest): MemberActor => {
  const t = tenantOf(req);
  return { tenantId: t.tenantId, userId: t.userId, role: t.role, requestId: req.id };
};

export const membersRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/members",
      {
        schema: { tags: ["tenant"], response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses } },
      },
      async (req) => ({ items: await listMembers(tenantOf(req).db) }),
    );

    app.post(
      "/members",
      {
        config: managers,
        schema: { tags: ["tenant"], body: memberInviteInput, response: { 201: memberSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const member = await inviteMember(
          { tdb: tenantOf(req).db, invites: ctx.invites, log: req.log },
          actorOf(req),
          req.body,
        );
        return reply.status(201).send(member);
      },
    );

    app.patch(
      "/members/:userId",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: memberParams,
          body: memberRoleInput,
          response: { 200: memberSchema, ...errorResponses },
        },
      },
      async (req) => changeMemberRole(tenantOf(req).db, actorOf(req), req.params.userId, req.body.role),
    );

    app.delete(
      "/members/:userId",
      {
        config: managers,
        schema: { tags: ["tenant"], params: memberParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (req, reply) => {
        await removeMember(tenantOf(req).db, actorOf(req), req.params.userId);
        return reply.status(204).send(null);
      },
    );
  };
