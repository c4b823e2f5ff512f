import { TENANT_ROLES, type TenantRole } from "@leadmetrics/auth";
import { type TenantDb, tenantSqlStatement, writeAudit } from "@leadmetrics/db";
import { AppError, forbidden, notFound } from "@leadmetrics/errors";
import type { FastifyBaseLogger } from "fastify";
import { z } from "zod";
import type { InviteService } from "../auth/invites";
import { emailSchema, nameSchema } from "../lib/http-schemas";

export const memberInviteInput = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: z.enum(TENANT_ROLES).default("member"),
});
export type MemberInvite = z.infer<typeof memberInviteInput>;

export const memberRoleInput = z.strictObject({ role: z.enum(TENANT_ROLES) });

/** A member as the members page shows them. */
export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: TenantRole;
  /** The person has never set a password: their invitation is still open. */
  invitationPending: boolean;
  joinedAt: string;
}

/** Who acts, with which role in their workspace, for which request. */
export interface MemberActor {
  tenantId: string;
  userId: string;
  role: TenantRole;
  requestId?: string;
}

export interface InviteDeps {
  tdb: TenantDb;
  invites: Pick<InviteService, "issue">;
  log: FastifyBaseLogger;
}

const memberSelect = {
  userId: true,
  role: true,
  createdAt: true,
  user: { select: { email: true, name: true, passwordHash: true } },
} as const;

type MemberRow = {
  userId: string;
  role: TenantRole;
  createdAt: Date;
  user: { email: string; name: string; passwordHash: string | null };
};

const viewOf = (m: MemberRow): MemberView => ({
  userId: m.userId,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  invitationPending: m.user.passwordHash === null,
  joinedAt: m.createdAt.toISOString(),
});

// The members page: one prepared statement (Prisma would send two, members then their users).
const membersList = tenantSqlStatement<Omit<MemberView, "joinedAt"> & { joinedAt: Date }>(
  `SELECT m."userId", u.email, u.name, m.role::text AS role, (u."passwordHash" IS NULL) AS "invitationPending",
          m."createdAt" AS "joinedAt"
   FROM "TenantMember" m JOIN "User" u ON u.id = m."userId"
   WHERE m."tenantId" = $1
   ORDER BY m."createdAt" ASC, m.id ASC`,
);

/** The workspace's members, first to join first. */
export async function listMembers(tdb: TenantDb): Promise<MemberView[]> {
  const rows = await tdb.$sql.rows(membersList);
  return rows.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }));
}

/**
 * Adds a person to the workspace (making their account when the email is new), with an audit
 * row; someone who has never set a password is sent an invitation to do so. Only an owner may
 * add an owner; 409 ALREADY_MEMBER when the person is a member already.
 */
export async function inviteMember(deps: InviteDeps, actor: MemberActor, input: MemberInvite): Promise<MemberView> {
  const { email, name, role } = input;
  if (role === "owner" && actor.role !== "owner") throw forbidden("Only an owner can add another owner");
  const created = await deps.tdb.$transaction(async (tx) => {
    const user = await tx.user.upsert({ where: { email }, create: { email, name }, update: {}, select: { id: true } });
    if (await tx.tenantMember.findFirst({ where: { userId: user.id }, select: { id: true } })) {
      throw new AppError(409, "ALREADY_MEMBER", "This person is already a member");
    }
    const membership = await tx.tenantMember.create({
      data: { tenantId: actor.tenantId, userId: user.id, role, invitedById: actor.userId },
      select: memberSelect,
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "member.invited",
      targetType: "User",
      targetId: user.id,
      requestId: actor.requestId,
      metadata: { role },
    });
    return membership;
  });
  if (created.user.passwordHash === null) {
    const workspace = await deps.tdb.tenant.findFirstOrThrow({ select: { name: true } });
    await deps.invites.issue(created.userId, deps.log, workspace.name, actor.requestId);
  }
  return viewOf(created);
}

/**
 * The rules that keep a workspace manageable, checked before any change to a member: the member
 * exists, and only an owner touches an owner.
 */
async function targetOf(tdb: TenantDb, actor: MemberActor, userId: string): Promise<MemberRow> {
  const target = await tdb.tenantMember.findFirst({ where: { userId }, select: memberSelect });
  if (!target) throw notFound("Member");
  if (target.role === "owner" && actor.role !== "owner") throw forbidden("Only an owner can change or remove an owner");
  return target;
}

/** A workspace always keeps an owner: 409 LAST_OWNER before the last one is demoted or removed. */
async function assertAnotherOwner(tdb: TenantDb): Promise<void> {
  const owners = await tdb.tenantMember.count({ where: { role: "owner" } });
  if (owners <= 1) throw new AppError(409, "LAST_OWNER", "A workspace must keep at least one owner");
}

/** Gives a member another role, with an audit row of the change. Only an owner makes an owner. */
export async function changeMemberRole(
  tdb: TenantDb,
  actor: MemberActor,
  userId: string,
  role: TenantRole,
): Promise<MemberView> {
  const target = await targetOf(tdb, actor, userId);
  if (role === "owner" && actor.role !== "owner") throw forbidden("Only an owner can make someone an owner");
  if (target.role === "owner" && role !== "owner") await assertAnotherOwner(tdb);
  const updated = await tdb.$transaction(async (tx) => {
    await tx.tenantMember.updateMany({ where: { userId: target.userId }, data: { role } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "member.role_changed",
      targetType: "User",
      targetId: target.userId,
      requestId: actor.requestId,
      metadata: { from: target.role, to: role },
    });
    return tx.tenantMember.findFirstOrThrow({ where: { userId: target.userId }, select: memberSelect });
  });
  return viewOf(updated);
}

/** Takes a member out of the workspace (their account stays), with an audit row. */
export async function removeMember(tdb: TenantDb, actor: MemberActor, userId: string): Promise<void> {
  const target = await targetOf(tdb, actor, userId);
  if (target.role === "owner") await assertAnotherOwner(tdb);
  await tdb.$transaction(async (tx) => {
    await tx.tenantMember.deleteMany({ where: { userId: target.userId } });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "member.removed",
      targetType: "User",
      targetId: target.userId,
      requestId: actor.requestId,
      metadata: { role: target.role },
    });
  });
}
