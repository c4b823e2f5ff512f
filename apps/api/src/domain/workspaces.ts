import { grantCreditsIn } from "@leadmetrics/billing";
import { type Db, type Tenant, type User, writeAudit } from "@leadmetrics/db";
import type { FastifyBaseLogger } from "fastify";
import type { InviteService } from "../auth/invites";
import { slugify } from "../lib/slug";

export interface WorkspaceDeps {
  db: Db;
  /** The credits a new workspace starts with unless told otherwise (SIGNUP_CREDITS). */
  welcomeCredits: number;
  invites: Pick<InviteService, "issue">;
  log: FastifyBaseLogger;
}

export interface NewWorkspace {
  name: string;
  timezone: string;
  /**
   * Who signs up (a new account, with the password they chose), or whom a super-admin makes the
   * owner (an existing account by that email, or a new one invited to choose a password).
   */
  owner: { email: string; name: string; passwordHash?: string };
  /** The owner signing up, or the super-admin creating the workspace for them. */
  createdBy: { kind: "self-signup" } | { kind: "super-admin"; userId: string };
  /** A super-admin's starting amount instead of the welcome credits (0: none). */
  initialCredits?: number;
  requestId?: string;
}

export interface CreatedWorkspace {
  tenant: Tenant;
  owner: User;
  /** The owner has no password yet: an invitation was sent. */
  ownerInvited: boolean;
}

/**
 * Every new workspace, self-signed-up or made by a super-admin: the tenant, its owner, the audit
 * row and the starting credits, in one transaction; then the owner's invitation when they have
 * no password yet.
 *
 * Starting credits: every new workspace gets the welcome credits (enough for its first plan),
 * however it was made, so the two ways in cannot drift apart; a super-admin may set another
 * amount (0 for none) with `initialCredits`. Welcome credits are the platform's grant (no actor);
 * an amount the super-admin chose is theirs.
 */
export async function createWorkspace(deps: WorkspaceDeps, input: NewWorkspace): Promise<CreatedWorkspace> {
  const { createdBy, owner: ownerInput } = input;
  const adminId = createdBy.kind === "super-admin" ? createdBy.userId : null;
  const credits =
    input.initialCredits === undefined
      ? { amount: deps.welcomeCredits, note: "Welcome credits", actorId: null }
      : { amount: input.initialCredits, note: "Initial credits", actorId: adminId };

  const created = await deps.db.$transaction(async (tx) => {
    // Self-signup always makes the account (a taken email was refused at step 1); a super-admin may name an existing one.
    const existing =
      createdBy.kind === "super-admin" ? await tx.user.findUnique({ where: { email: ownerInput.email } }) : null;
    const owner =
      existing ??
      (await tx.user.create({
        data: { email: ownerInput.email, name: ownerInput.name, passwordHash: ownerInput.passwordHash ?? null },
      }));
    const tenant = await tx.tenant.create({
      data: { name: input.name, slug: slugify(input.name), timezone: input.timezone },
    });
    await tx.tenantMember.create({
      data: { tenantId: tenant.id, userId: owner.id, role: "owner", ...(adminId ? { invitedById: adminId } : {}) },
    });
    await writeAudit(tx, {
      tenantId: tenant.id,
      actorId: adminId ?? owner.id,
      action: createdBy.kind === "self-signup" ? "tenant.registered" : "tenant.created",
      targetType: "Tenant",
      targetId: tenant.id,
      requestId: input.requestId,
      ...(createdBy.kind === "super-admin" ? { metadata: { ownerEmail: ownerInput.email } } : {}),
    });
    if (credits.amount > 0) await grantCreditsIn(tx, { tenantId: tenant.id, ...credits, requestId: input.requestId });
    return { tenant, owner };
  });

  const ownerInvited = !created.owner.passwordHash;
  if (ownerInvited) await deps.invites.issue(created.owner.id, deps.log, input.name, input.requestId);
  return { ...created, ownerInvited };
}
