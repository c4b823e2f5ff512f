import { isSocialChannelKind, SOCIAL_CHANNEL_KINDS } from "@leadmetrics/catalog";
import type { ConnectedChannel } from "./generated/prisma/client";
import type { TenantDb, TenantTx } from "./tenant-client";

/** What the channels page and the activity page say about a channel. */
export const CHANNEL_HEALTHS = ["healthy", "needs_attention", "needs_reconnect", "not_checked"] as const;
export type ChannelHealth = (typeof CHANNEL_HEALTHS)[number];

/**
 * Needs reconnecting when the network refused to renew its sign-in (only a person can fix it);
 * else healthy when the last check or publish went well, needs attention when it failed, not
 * checked before either.
 */
export const channelHealth = (c: Pick<ConnectedChannel, "lastCheckOk" | "status">): ChannelHealth =>
  c.status === "needs_reconnect"
    ? "needs_reconnect"
    : c.lastCheckOk === null
      ? "not_checked"
      : c.lastCheckOk
        ? "healthy"
        : "needs_attention";

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
 * The channel an activity is published to: the one chosen for it (in its plan, or on the activity
 * before approval), else the workspace's first connected channel of its kind — WordPress for a
 * blog post, the activity's network (or any network) for a social post. The publisher publishes
 * there and the activity page shows it: one rule for both. A chosen channel that was removed is
 * null: the publisher then asks for another instead of guessing.
 */
export function findPublishingChannel(
  tdb: TenantDb | TenantTx,
  activity: { target: "wordpress" | "social"; channelId: string | null; channel: string | null },
): Promise<ConnectedChannel | null> {
  if (activity.channelId) return tdb.connectedChannel.findFirst({ where: { id: activity.channelId } });
  const kinds =
    activity.target === "wordpress"
      ? ["wordpress"]
      : activity.channel && isSocialChannelKind(activity.channel)
        ? [activity.channel]
        : SOCIAL_CHANNEL_KINDS;
  return tdb.connectedChannel.findFirst({
    where: { kind: { in: kinds }, status: "connected" },
    orderBy: { createdAt: "asc" },
  });
}
