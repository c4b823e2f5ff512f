import { generateOpaqueToken, hashOpaqueToken } from "@leadmetrics/auth";
import type { Db } from "@leadmetrics/db";
import { stageJobs, type OutboxRelay } from "@leadmetrics/queue";
import type { FastifyBaseLogger } from "fastify";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invitations for users without a password: a single-use token, hashed at rest, valid 7 days,
 * redeemed at `POST /auth/v1/accept-invite`, emailed by the notifications server (and, in
 * development, also logged at debug level).
 */
export function createInviteService(deps: { db: Db; outbox: OutboxRelay; development: boolean; portalUrl: (platformRole: string) => string }) {
  return {
    async issue(userId: string, log: FastifyBaseLogger, invitedTo: string, requestId?: string): Promise<void> {
      const token = generateOpaqueToken();
      const user = await deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { platformRole: true } });
      // The token and its email commit together: a Redis outage delays the email, never loses it.
      const staged = await deps.db.$transaction(async (tx) => {
        const row = await tx.userToken.create({ data: { userId, purpose: "invite", tokenHash: hashOpaqueToken(token), expiresAt: new Date(Date.now() + INVITE_TTL_MS) } });
        return stageJobs(tx, [
          {
            queue: "notifications__dispatch",
            payload: {
              tenantId: null,
              recipient: { userId },
              event: "invitation",
              data: { invitedTo, acceptUrl: `${deps.portalUrl(user.platformRole)}/accept-invite?token=${encodeURIComponent(token)}` },
              dedupeKey: `invite-${row.id}`,
              requestId,
            },
          },
        ]);
      });
      await deps.outbox.flush(staged).catch((err) => log.warn({ err }, "invitation not enqueued yet; the outbox relay will retry"));
      if (deps.development) log.debug({ inviteToken: token, userId }, "invitation token created");
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
