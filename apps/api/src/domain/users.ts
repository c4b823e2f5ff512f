import { hashPassword } from "@leadmetrics/auth";
import { type Db, likeLiteral, type PlatformRole, writeAudit } from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";
import type { FastifyBaseLogger } from "fastify";
import { z } from "zod";
import type { InviteService } from "../auth/invites";
import { emailSchema, nameSchema, passwordSchema } from "../lib/http-schemas";

export const staffUserInput = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  platformRole: z.enum(["super_admin", "dm_reviewer"]),
  password: passwordSchema.optional().describe("Omit to send an invitation instead"),
});
export type StaffUserInput = z.infer<typeof staffUserInput>;

export interface UserFilter {
  platformRole?: PlatformRole;
  /** Part of the email (any case) or of the name (any case). */
  search?: string;
}

const userSelect = {
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

/** An account as the platform's users page shows it, with the workspaces it belongs to. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole;
  disabled: boolean;
  /** The person has never set a password: their invitation is still open. */
  invitationPending: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  memberships: { tenantId: string; tenantName: string; role: "owner" | "admin" | "member" }[];
}

type UserRow = {
  id: string;
  email: string;
  name: string;
  platformRole: PlatformRole;
  disabledAt: Date | null;
  passwordHash: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  memberships: { tenantId: string; role: "owner" | "admin" | "member"; tenant: { name: string } }[];
};

const viewOf = (u: UserRow): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  platformRole: u.platformRole,
  disabled: u.disabledAt !== null,
  invitationPending: u.passwordHash === null,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
  memberships: u.memberships.map((m) => ({ tenantId: m.tenantId, tenantName: m.tenant.name, role: m.role })),
});

/** Every account of the platform, newest first. */
export async function listUsers(
  db: Db,
  filter: UserFilter,
  page: { skip: number; take: number },
): Promise<{ users: UserView[]; total: number }> {
  const { platformRole, search } = filter;
  const where = {
    ...(platformRole ? { platformRole } : {}),
    ...(search
      ? {
          OR: [
            // Emails are stored in lower case.
            { email: { contains: likeLiteral(search.toLowerCase()) } },
            { name: { contains: likeLiteral(search), mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: userSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.user.count({ where }),
  ]);
  return { users: rows.map(viewOf), total };
}

export interface StaffUserDeps {
  db: Db;
  invites: Pick<InviteService, "issue">;
  log: FastifyBaseLogger;
}

/**
 * A member of the platform's staff (a DM reviewer or a super-admin), with an audit row. Without a
 * password they are sent an invitation to choose one. 409 EMAIL_TAKEN when the email has an account.
 */
export async function createStaffUser(
  deps: StaffUserDeps,
  actor: { userId: string; requestId?: string },
  input: StaffUserInput,
): Promise<UserView> {
  const { email, name, platformRole, password } = input;
  const passwordHash = password ? await hashPassword(password) : null;
  const user = await deps.db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError(409, "EMAIL_TAKEN", "An account with this email already exists");
    }
    const created = await tx.user.create({ data: { email, name, platformRole, passwordHash }, select: userSelect });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "user.created",
      targetType: "User",
      targetId: created.id,
      requestId: actor.requestId,
      metadata: { platformRole },
    });
    return created;
  });
  if (!passwordHash) await deps.invites.issue(user.id, deps.log, "the Leadmetrics team", actor.requestId);
  return viewOf(user);
}
