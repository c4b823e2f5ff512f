import type { ConnectedChannel } from "./generated/prisma/client";
import type { TenantDb, TenantTx } from "./tenant-client";

/** What the channels page and the activity page say about a channel. */
export const CHANNEL_HEALTHS = ["healthy", "needs_attention", "not_checked"] as const;
export type ChannelHealth = (typeof CHANNEL_HEALTHS)[number];

/** Healthy when the last check or publish went well; needs attention when it failed; not checked before either. */
export const channelHealth = (c: Pick<ConnectedChannel, "lastCheckOk">): ChannelHealth =>
  c.lastCheckOk === null ? "not_checked" : c.lastCheckOk ? "healthy" : "needs_attention";

/**
 * The health columns after the site answered (a check, a test, a publish) or failed to. Every
 * writer of a channel's health goes through here, so they all mean the same thing.
 */
export function channelHealthUpdate(
  at: Date,
  outcome: { ok: true; published?: boolean } | { ok: false; error: string },
): Pick<ConnectedChannel, "lastCheckedAt" | "lastCheckOk" | "lastError"> & { lastPublishedAt?: Date } {
  if (!outcome.ok) return { lastCheckedAt: at, lastCheckOk: false, lastError: outcome.error.slice(0, 1_000) };
  return {
    lastCheckedAt: at,
    lastCheckOk: true,
    lastError: null,
    ...(outcome.published ? { lastPublishedAt: at } : {}),
  };
}

/** When no configured key opens a channel's sealed password (a key rotation lost it). */
export const UNREADABLE_CHANNEL_PASSWORD =
  "The stored application password can no longer be read: reconnect the site in Channels with a new one.";

/**
 * The channel a deliverable published to `kind` goes to: the workspace's first connected one.
 * The publisher publishes there and the activity page warns about it: one rule for both.
 */
export function findPublishingChannel(tdb: TenantDb | TenantTx, kind: "wordpress"): Promise<ConnectedChannel | null> {
  return tdb.connectedChannel.findFirst({ where: { kind, status: "connected" }, orderBy: { createdAt: "asc" } });
}
