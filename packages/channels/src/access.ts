import { CHANNEL_CATALOG, channelKindLabel, isSocialChannelKind, type SocialChannelKind } from "@leadmetrics/catalog";
import type { SecretBox } from "@leadmetrics/crypto";
import { type ConnectedChannel, channelHealthUpdate, type TenantDb } from "@leadmetrics/db";
import {
  isSocialProviderError,
  type OAuthTokenSet,
  type SocialAccount,
  type SocialProvider,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { type OutboxRelay, PermanentJobError, stageJobs } from "@leadmetrics/queue";
import { type ChannelSecrets, openChannelSecrets, tokenColumns, tokenSetOf } from "./tokens";

/** The client of each social network the platform has app keys for; a kind without keys is absent. */
export type SocialProviders = Partial<Record<SocialChannelKind, SocialProvider>>;

export interface ChannelAccessDeps {
  tdb: TenantDb;
  secrets: SecretBox;
  providers: SocialProviders;
  /** Relays the needs-reconnect notification right after its commit (the outbox poller otherwise). */
  outbox?: Pick<OutboxRelay, "flush">;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Tokens are refreshed when they expire within this: a publish never starts on a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** How long one refresher may hold an account before another may take over (a crashed refresher). */
const LEASE_MS = 60_000;
/** How long a caller waits for another's refresh before giving up (retryable). */
const WAIT_FOR_LEASE_MS = 30_000;

/** A social channel, opened: its provider, tokens and the account it publishes as. */
export interface ChannelSession {
  channel: ConnectedChannel;
  provider: SocialProvider;
  tokens: OAuthTokenSet;
  account: SocialAccount;
}

export const needsReconnectMessage = (channel: Pick<ConnectedChannel, "kind" | "name">) =>
  `${channelKindLabel(channel.kind)} stopped accepting Leadmetrics for "${channel.name}": reconnect it in Channels, then retry publishing.`;

const unreadableMessage = (channel: Pick<ConnectedChannel, "kind" | "name">) =>
  `The stored sign-in for ${channelKindLabel(channel.kind)} "${channel.name}" can no longer be read: reconnect it in Channels.`;

function providerOf(deps: Pick<ChannelAccessDeps, "providers">, channel: ConnectedChannel): SocialProvider {
  const provider = isSocialChannelKind(channel.kind) ? deps.providers[channel.kind] : undefined;
  if (!provider)
    throw new PermanentJobError(
      `${channelKindLabel(channel.kind)} is not set up on this platform (no app keys): ask support, then retry publishing.`,
    );
  return provider;
}

function openSecrets(deps: ChannelAccessDeps, channel: ConnectedChannel): ChannelSecrets {
  try {
    return openChannelSecrets(deps.secrets, channel.credentialsEncrypted);
  } catch {
    throw new PermanentJobError(unreadableMessage(channel));
  }
}

function sessionOf(deps: ChannelAccessDeps, channel: ConnectedChannel): ChannelSession {
  const secrets = openSecrets(deps, channel);
  return {
    channel,
    provider: providerOf(deps, channel),
    tokens: tokenSetOf(secrets, channel),
    account: {
      externalId: channel.externalAccountId ?? "",
      name: channel.accountName ?? channel.name,
      type: channel.accountType ?? "",
      ...(channel.accountHandle ? { handle: channel.accountHandle } : {}),
      ...(secrets.accountToken ? { accountToken: secrets.accountToken } : {}),
    },
  };
}

const expiresSoon = (channel: ConnectedChannel, now: Date, withinMs = REFRESH_MARGIN_MS) =>
  channel.tokenExpiresAt !== null && channel.tokenExpiresAt.getTime() - now.getTime() < withinMs;

async function readChannel(tdb: TenantDb, channelId: string): Promise<ConnectedChannel> {
  const channel = await tdb.connectedChannel.findFirst({ where: { id: channelId } });
  if (!channel)
    throw new PermanentJobError("The channel was removed: choose another in the plan, then retry publishing.");
  return channel;
}

/**
 * The channel ready to call its network: refused while it needs reconnecting, its tokens
 * refreshed first when they expire within REFRESH_MARGIN_MS.
 */
export async function openChannelSession(deps: ChannelAccessDeps, channelId: string): Promise<ChannelSession> {
  const now = deps.now?.() ?? new Date();
  let channel = await readChannel(deps.tdb, channelId);
  if (channel.status === "needs_reconnect") throw new PermanentJobError(needsReconnectMessage(channel));
  if (expiresSoon(channel, now)) channel = await refreshChannelTokens(deps, channelId);
  return sessionOf(deps, channel);
}

/**
 * Refreshes an account's tokens, one refresher at a time: the first caller takes a lease on the
 * row (a conditional update, so the database decides who wins); the others wait for it to finish
 * and reuse what it stored. Networks that rotate refresh tokens (X) would otherwise see the same
 * refresh token twice and revoke the grant.
 *
 * `staleAccessToken`: the token a call was just refused with. If the stored token is already a
 * different one, someone refreshed meanwhile and it is returned as is. Without it, a channel whose
 * token does not expire within `withinMs` (REFRESH_MARGIN_MS) is returned as is.
 *
 * A refresh the network refuses for good marks the channel `needs_reconnect` and tells the
 * workspace's owners and admins once; the error is then a PermanentJobError saying so.
 */
export async function refreshChannelTokens(
  deps: ChannelAccessDeps,
  channelId: string,
  opts: { staleAccessToken?: string; withinMs?: number } = {},
): Promise<ConnectedChannel> {
  const now = () => deps.now?.() ?? new Date();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + WAIT_FOR_LEASE_MS;
  const isFresh = (channel: ConnectedChannel) => {
    if (channel.status === "needs_reconnect") throw new PermanentJobError(needsReconnectMessage(channel));
    return opts.staleAccessToken
      ? openSecrets(deps, channel).accessToken !== opts.staleAccessToken
      : !expiresSoon(channel, now(), opts.withinMs);
  };
  for (;;) {
    const seen = await readChannel(deps.tdb, channelId);
    if (isFresh(seen)) return seen;
    const at = now();
    const { count } = await deps.tdb.connectedChannel.updateMany({
      where: { id: channelId, OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: at } }] },
      data: { refreshLeaseUntil: new Date(at.getTime() + LEASE_MS) },
    });
    if (count === 1) {
      // Read again under the lease: another refresher may have finished between the read above and
      // the claim, and its refresh token is the only one the network still takes.
      const channel = await readChannel(deps.tdb, channelId);
      if (isFresh(channel)) {
        await deps.tdb.connectedChannel.updateMany({ where: { id: channelId }, data: { refreshLeaseUntil: null } });
        return channel;
      }
      return refreshHoldingLease(deps, channel, openSecrets(deps, channel));
    }
    if (Date.now() > deadline)
      throw new SocialProviderError(
        channelKindLabel(seen.kind),
        "unavailable",
        `${channelKindLabel(seen.kind)} did not finish renewing its sign-in in time; publishing will retry.`,
      );
    await sleep(200);
  }
}

async function refreshHoldingLease(
  deps: ChannelAccessDeps,
  channel: ConnectedChannel,
  current: ChannelSecrets,
): Promise<ConnectedChannel> {
  const provider = providerOf(deps, channel);
  let fresh: OAuthTokenSet;
  try {
    fresh = await provider.refresh(tokenSetOf(current, channel));
  } catch (err) {
    if (isSocialProviderError(err) && err.kind === "reauth_required") {
      await markNeedsReconnect(deps, channel, needsReconnectMessage(channel));
      throw new PermanentJobError(needsReconnectMessage(channel));
    }
    await deps.tdb.connectedChannel.updateMany({ where: { id: channel.id }, data: { refreshLeaseUntil: null } });
    throw err;
  }
  // A network that does not rotate refresh tokens answers without one: keep the one we have.
  const tokens = { ...fresh, refreshToken: fresh.refreshToken ?? current.refreshToken };
  await deps.tdb.connectedChannel.updateMany({
    where: { id: channel.id },
    data: { ...tokenColumns(deps.secrets, tokens, current.accountToken), refreshLeaseUntil: null },
  });
  return readChannel(deps.tdb, channel.id);
}

/**
 * The channel needs a person: it stops publishing, the Channels page shows Reconnect, and the
 * workspace's owners and admins are told once (in the app and by email) per connection.
 */
export async function markNeedsReconnect(
  deps: Pick<ChannelAccessDeps, "tdb" | "outbox" | "now">,
  channel: ConnectedChannel,
  reason: string,
): Promise<void> {
  const at = deps.now?.() ?? new Date();
  const outboxIds = await deps.tdb.$transaction(async (tx) => {
    const { count } = await tx.connectedChannel.updateMany({
      where: { id: channel.id, status: "connected" },
      data: {
        status: "needs_reconnect",
        refreshLeaseUntil: null,
        ...channelHealthUpdate(at, { ok: false, error: reason }),
      },
    });
    if (count !== 1) return [];
    return stageJobs(tx, [
      {
        queue: "notifications__dispatch",
        payload: {
          tenantId: channel.tenantId,
          recipient: { group: "tenant_admins" },
          event: "channel_needs_reconnect",
          data: {
            channelId: channel.id,
            channelName: channel.name,
            network: channelKindLabel(channel.kind),
            accountNoun: isSocialChannelKind(channel.kind) ? CHANNEL_CATALOG[channel.kind].accountNoun : "site",
            reason,
          },
          // Once per connection: reconnecting writes new tokens (updatedAt), so a later loss is told again.
          dedupeKey: `reconnect-${channel.id}-${channel.updatedAt.getTime()}`,
        },
      },
    ]);
  });
  if (outboxIds.length) await deps.outbox?.flush(outboxIds).catch(() => undefined);
}

/**
 * Runs a call to the network with the channel's tokens; if the network refuses the access token
 * (401), refreshes once (or reuses another caller's refresh) and runs it again.
 */
export async function withChannelSession<T>(
  deps: ChannelAccessDeps,
  channelId: string,
  call: (session: ChannelSession) => Promise<T>,
): Promise<T> {
  const session = await openChannelSession(deps, channelId);
  try {
    return await call(session);
  } catch (err) {
    if (!isSocialProviderError(err) || err.kind !== "auth_expired") throw err;
    const refreshed = await refreshChannelTokens(deps, channelId, { staleAccessToken: session.tokens.accessToken });
    return call(sessionOf(deps, refreshed));
  }
}
