import { type ChannelAccessDeps, REFRESH_MARGIN_MS, refreshChannelTokens } from "@leadmetrics/channels";
import type { Db } from "@leadmetrics/db";
import { createWorker, PermanentJobError, type QueueClient, type Worker, type WorkerOptions } from "@leadmetrics/queue";

/** Accounts whose tokens expire within this are renewed by a job (the publisher renews within REFRESH_MARGIN_MS). */
export const RENEW_AHEAD_MS = 3 * REFRESH_MARGIN_MS;

/**
 * Renews one account's tokens. A refusal for good is not a job failure: the channel is marked
 * needs_reconnect and its owners told (by refreshChannelTokens); there is nothing to replay.
 */
export function startTokenRefreshWorker(
  deps: Omit<ChannelAccessDeps, "tdb">,
  options: Omit<WorkerOptions, "concurrency">,
): Worker {
  return createWorker(
    "channels__token_refresh",
    async ({ payload, tdb }) => {
      try {
        const channel = await refreshChannelTokens({ ...deps, tdb }, payload.channelId, { withinMs: RENEW_AHEAD_MS });
        return { expiresAt: channel.tokenExpiresAt?.toISOString() ?? null };
      } catch (err) {
        if (err instanceof PermanentJobError) return { renewed: false, reason: err.message };
        throw err;
      }
    },
    { ...options, concurrency: 4 },
  );
}

/** A renewal job for every connected account whose tokens expire within RENEW_AHEAD_MS. */
export async function enqueueDueTokenRefreshes(deps: { db: Db; queues: QueueClient }): Promise<number> {
  const due = await deps.db.connectedChannel.findMany({
    where: { status: "connected", tokenExpiresAt: { lt: new Date(Date.now() + RENEW_AHEAD_MS) } },
    select: { id: true, tenantId: true },
    orderBy: { tokenExpiresAt: "asc" },
    take: 500,
  });
  for (const c of due)
    await deps.queues.enqueue("channels__token_refresh", {
      tenantId: c.tenantId,
      channelId: c.id,
      requestId: `token-refresh-${c.id}`,
    });
  return due.length;
}
