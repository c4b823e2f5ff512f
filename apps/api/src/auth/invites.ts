import { randomUUID } from "node:crypto";
import type { Db } from "@leadmetrics/db";
import { type OutboxRelay, stageJobs } from "@leadmetrics/queue";
import type { FastifyBaseLogger } from "fastify";

/**
 * Invitations for users without a password. The notifications server mints the single-use
 * link (hashed at rest, valid 7 days, redeemed at `POST /auth/v1/accept-invite`) as it sends the
 * email, so the token never sits in a job payload.
 */
export function createInviteService(deps: { db: Db; outbox: OutboxRelay }) {
  return {
    async issue(userId: string, log: FastifyBaseLogger, invitedTo: string, requestId?: string): Promise<void> {
      // Staged in the outbox: a Redis outage delays the email, never loses it.
      const staged = await deps.db.$transaction((tx) =>
        stageJobs(tx, [
          {
            queue: "notifications__dispatch",
            payload: {
              tenantId: null,
              recipient: { userId },
              event: "invitation",
              data: { invitedTo },
              dedupeKey: `invite-${randomUUID()}`,
              requestId,
            },
          },
        ]),
      );
      await deps.outbox
        .flush(staged)
        .catch((err) => log.warn({ err }, "invitation not enqueued yet; the outbox relay will retry"));
    },
  };
}

export type InviteService = ReturnType<typeof createInviteService>;
