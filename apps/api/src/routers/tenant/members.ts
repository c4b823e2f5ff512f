import { TENANT_ROLES } from "@leadmetrics/auth";
import { writeAudit } from "@leadmetrics/db";
import { AppError, forbidden, notFound } from "@leadmetrics/errors";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { tenantOf } from "../../auth/guards";
import { emailSchema, errorResponses, nameSchema } from "../../lib/http-schemas";
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
const inviteBody = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: z.enum(TENANT_ROLES).default("member"),
});
const roleBody = z.strictObject({ role: z.enum(TENANT_ROLES) });
const managers = { tenantRoles: ["owner", "admin"] as ("owner" | "admin")[] };

type Row = {
  userId: string;
  role: (typeof TENANT_ROLES)[number];
  createdAt: Date;
  user: { email: string; name: string; passwordHash: string | null };
};
const toMember = (m: Row) => ({
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  invitationPending: m.user.passwordHash === null,
  joinedAt: m.createdAt.toISOString(),
});
const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { email: true, name: true, passwordHash: true } },
} as const;

export const membersRouter =
  (ctx: RouterContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/members",
      {
        schema: { tags: ["tenant"], response: { 200: z.object({ items: z.array(memberSchema) }), ...errorResponses } },
      },
      async (req) => {
        const { db } = tenantOf(req);
        const rows = await db.tenantMember.findMany({ select: memberSelect, orderBy: { createdAt: "asc" } });
        return { items: rows.map(toMember) };
      },
    );

    app.post(
      "/members",
      {
        config: managers,
        schema: { tags: ["tenant"], body: inviteBody, response: { 201: memberSchema, ...errorResponses } },
      },
      async (req, reply) => {
        const t = tenantOf(req);
        const { email, name, role } = req.body;
        if (role === "owner" && t.role !== "owner") throw forbidden("Only an owner can add another owner");
        const created = await t.db.$transaction(async (tx) => {
          const user = await tx.user.upsert({
            where: { email },
            create: { email, name },
            update: {},
            select: { id: true },
          });
          if (await tx.tenantMember.findFirst({ where: { userId: user.id }, select: { id: true } })) {
            throw new AppError(409, "ALREADY_MEMBER", "This person is already a member");
          }
          const membership = await tx.tenantMember.create({
            data: { tenantId: t.tenantId, userId: user.id, role, invitedById: t.userId },
            select: memberSelect,
          });
          await writeAudit(tx, {
            actorId: t.userId,
            action: "member.invited",
            targetType: "User",
            targetId: user.id,
            requestId: req.id,
            metadata: { role },
          });
          return membership;
        });
        // Someone who has never set a password gets an invitation to do so.
        if (created.user.passwordHash === null)
          await ctx.invites.issue(
            created.userId,
            req.log,
            (await t.db.tenant.findFirstOrThrow({ select: { name: true } })).name,
            req.id,
          );
        return reply.status(201).send(toMember(created));
      },
    );

    /** The rules that keep a workspace manageable: an owner always remains, admins cannot touch owners. */
    async function loadTarget(req: Parameters<typeof tenantOf>[0], userId: string) {
      const t = tenantOf(req);
      const target = await t.db.tenantMember.findFirst({ where: { userId }, select: memberSelect });
      if (!target) throw notFound("Member");
      if (target.role === "owner" && t.role !== "owner") throw forbidden("Only an owner can change or remove an owner");
      return { t, target };
    }

    async function assertAnotherOwner(req: Parameters<typeof tenantOf>[0]) {
      const owners = await tenantOf(req).db.tenantMember.count({ where: { role: "owner" } });
      if (owners <= 1) throw new AppError(409, "LAST_OWNER", "A workspace must keep at least one owner");
    }

    app.patch(
      "/members/:userId",
      {
        config: managers,
        schema: {
          tags: ["tenant"],
          params: memberParams,
          body: roleBody,
          response: { 200: memberSchema, ...errorResponses },
        },
      },
      async (req) => {
        const { t, target } = await loadTarget(req, req.params.userId);
        const { role } = req.body;
        if (role === "owner" && t.role !== "owner") throw forbidden("Only an owner can make someone an owner");
        if (target.role === "owner" && role !== "owner") await assertAnotherOwner(req);
        const updated = await t.db.$transaction(async (tx) => {
          await tx.tenantMember.updateMany({ where: { userId: target.userId }, data: { role } });
          await writeAudit(tx, {
            actorId: t.userId,
            action: "member.role_changed",
            targetType: "User",
            targetId: target.userId,
            requestId: req.id,
            metadata: { from: target.role, to: role },
          });
          return tx.tenantMember.findFirstOrThrow({ where: { userId: target.userId }, select: memberSelect });
        });
        return toMember(updated);
      },
    );

    app.delete(
      "/members/:userId",
      {
        config: managers,
        schema: { tags: ["tenant"], params: memberParams, response: { 204: z.null(), ...errorResponses } },
      },
      async (req, reply) => {
        const { t, target } = await loadTarget(req, req.params.userId);
        if (target.role === "owner") await assertAnotherOwner(req);
        await t.db.$transaction(async (tx) => {
          await tx.tenantMember.deleteMany({ where: { userId: target.userId } });
          await writeAudit(tx, {
            actorId: t.userId,
            action: "member.removed",
            targetType: "User",
            targetId: target.userId,
            requestId: req.id,
            metadata: { role: target.role },
          });
        });
        return reply.status(204).send(null);
      },
    );
  };
