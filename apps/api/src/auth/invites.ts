import { generateOpaqueToken, hashOpaqueToken } from "@leadmetrics/auth";
import type { Db } from "@leadmetrics/db";
import type { FastifyBaseLogger } from "fastify";

const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invitations for users without a password: a single-use token, hashed at rest, valid 7 days,
 * redeemed at `POST /auth/v1/accept-invite`. The notifications server will email it; until
 * then development logs it at debug level.
 */
export function createInviteService(db: Db, development: boolean) {
  return {
    async issue(userId: string, log: FastifyBaseLogger): Promise<void> {
      const token = generateOpaqueToken();
      await db.userToken.create({ data: { userId, purpose: "invite", tokenHash: hashOpaqueToken(token), expiresAt: new Date(Date.now() + INVITE_TTL_MS) } });
      if (development) log.debug({ inviteToken: token, userId }, "invitation token created");
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
