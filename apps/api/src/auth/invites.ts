import { generateOpaqueToken, hashOpaqueToken } from "@leadmetrics/auth";
import type { Db } from "@leadmetrics/db";
import type { QueueClient } from "@leadmetrics/queue";
import type { FastifyBaseLogger } from "fastify";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invitations for users without a password: a single-use token, hashed at rest, valid 7 days,
 * redeemed at `POST /auth/v1/accept-invite`, emailed by the notifications server (and, in
 * development, also logged at debug level).
 */
export function createInviteService(deps: { db: Db; queues: QueueClient; development: boolean; portalUrl: (platformRole: string) => string }) {
  return {
    async issue(userId: string, log: FastifyBaseLogger, invitedTo: string, requestId?: string): Promise<void> {
      const token = generateOpaqueToken();
      const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { platformRole: true } });
      const row = await deps.db.userToken.create({ data: { userId, purpose: "invite", tokenHash: hashOpaqueToken(token), expiresAt: new Date(Date.now() + INVITE_TTL_MS) } });
      await deps.queues.enqueueNotification({
        tenantId: null,
        recipient: { userId },
        event: "invitation",
        data: { invitedTo, acceptUrl: `${deps.portalUrl(user.platformRole)}/accept-invite?token=${encodeURIComponent(token)}` },
        dedupeKey: `invite-${row.id}`,
        requestId,
      });
      if (deps.development) log.debug({ inviteToken: token, userId }, "invitation token created");
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
