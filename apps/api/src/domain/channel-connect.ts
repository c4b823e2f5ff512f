import { createHash, randomBytes } from "node:crypto";
import { CHANNEL_CATALOG, isSocialChannelKind, type SocialChannelKind } from "@leadmetrics/catalog";
import { type SocialProviders, tokenColumns } from "@leadmetrics/channels";
import type { SecretBox } from "@leadmetrics/crypto";
import { channelHealthUpdate, type TenantDb, writeAudit } from "@leadmetrics/db";
import { AppError, conflict, notFound } from "@leadmetrics/errors";
import {
  isSocialProviderError,
  type OAuthTokenSet,
  pkcePair,
  type SocialAccount,
  type SocialProvider,
} from "@leadmetrics/provider-core";
import { z } from "zod";
import { type ChannelActor, type ChannelView, createChannel } from "./channels";

/** A connect must finish within this: its `state` is refused afterwards. */
export const CONNECT_TTL_MS = 10 * 60_000;

export interface ChannelConnectDeps {
  tdb: TenantDb;
  secrets: Pick<SecretBox, "encrypt" | "decrypt">;
  providers: SocialProviders;
  now?: () => Date;
}

/** An account the person may pick, as the Dashboard shows it (tokens never leave the server). */
export const connectAccountSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  type: z.string(),
  handle: z.string().optional(),
  avatarUrl: z.string().optional(),
});
export type ConnectAccount = z.infer<typeof connectAccountSchema>;

/** What the callback holds until an account is picked: the user's tokens and each account's own. */
const pendingSecretsSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresAt: z.string().optional(),
  refreshExpiresAt: z.string().optional(),
  scopes: z.array(z.string()),
  accountTokens: z.record(z.string(), z.string()),
});

const hashState = (state: string) => createHash("sha256").update(state).digest("hex");
const label = (kind: SocialChannelKind) => CHANNEL_CATALOG[kind].label;

function providerFor(deps: Pick<ChannelConnectDeps, "providers">, kind: string): [SocialChannelKind, SocialProvider] {
  if (!isSocialChannelKind(kind)) throw notFound("Channel kind");
  const provider = deps.providers[kind];
  if (!provider)
    throw new AppError(
      503,
      "SERVICE_UNAVAILABLE",
      `${label(kind)} is not set up on this platform yet (it has no app keys): ask support to add them, then connect again.`,
    );
  return [kind, provider];
}

const connectFailed = (message: string, reason: string) =>
  new AppError(422, "CHANNEL_CHECK_FAILED", message, { reason, retryable: true });

/**
 * Starts connecting (or reconnecting) an account of a network: the network's consent page, with a
 * single-use `state` bound to this workspace and person (only its hash is stored) and a PKCE
 * challenge where the network takes one. Valid CONNECT_TTL_MS.
 */
export async function startChannelConnect(
  deps: ChannelConnectDeps,
  actor: ChannelActor,
  kindParam: string,
  reconnectChannelId?: string,
): Promise<{ authorizeUrl: string }> {
  const [kind, provider] = providerFor(deps, kindParam);
  if (
    reconnectChannelId &&
    !(await deps.tdb.connectedChannel.findFirst({ where: { id: reconnectChannelId, kind }, select: { id: true } }))
  )
    throw notFound("Channel");
  const state = randomBytes(32).toString("base64url");
  const pkce = provider.usesPkce ? pkcePair() : undefined;
  const now = deps.now?.() ?? new Date();
  await deps.tdb.channelConnection.create({
    data: {
      tenantId: actor.tenantId,
      userId: actor.userId,
      kind,
      stateHash: hashState(state),
      codeVerifierEncrypted: pkce ? deps.secrets.encrypt(pkce.verifier) : null,
      reconnectChannelId: reconnectChannelId ?? null,
      expiresAt: new Date(now.getTime() + CONNECT_TTL_MS),
    },
  });
  return { authorizeUrl: provider.authorizeUrl({ state, ...(pkce ? { codeChallenge: pkce.challenge } : {}) }) };
}

export const connectCallbackInput = z.strictObject({
  state: z.string().min(1).max(512),
  code: z.string().min(1).max(4096).optional(),
  /** The network's `error` (access_denied when the person declined) and its description. */
  error: z.string().max(200).optional(),
  errorDescription: z.string().max(1000).optional(),
});
export type ConnectCallbackInput = z.infer<typeof connectCallbackInput>;

export type ConnectCallbackResult =
  | { outcome: "choose"; connectionId: string; kind: SocialChannelKind; accounts: ConnectAccount[] }
  | { outcome: "reconnected"; channelId: string };

/**
 * The network sent the person back. The `state` must be one this person started in this
 * workspace, unused and unexpired; it is used up here, whatever follows (a forged, replayed or
 * late one is refused and changes nothing). Then the code is exchanged and the accounts listed:
 * a reconnect renews its channel's tokens at once; a new connect waits for the person to pick.
 */
export async function completeChannelConnect(
  deps: ChannelConnectDeps,
  actor: ChannelActor,
  input: ConnectCallbackInput,
): Promise<ConnectCallbackResult> {
  const now = deps.now?.() ?? new Date();
  const stateHash = hashState(input.state);
  const { count } = await deps.tdb.channelConnection.updateMany({
    where: { stateHash, userId: actor.userId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1)
    throw new AppError(
      400,
      "BAD_REQUEST",
      "This connection link has expired or was already used: start connecting again from Channels.",
      { reason: "invalid_state" },
    );
  const connection = await deps.tdb.channelConnection.findFirstOrThrow({ where: { stateHash } });
  const [kind, provider] = providerFor(deps, connection.kind);
  if (input.error || !input.code)
    throw connectFailed(
      input.error === "access_denied" || !input.code
        ? `${label(kind)} was not connected because access was not allowed. Connect again and choose Allow to let Leadmetrics publish.`
        : `${label(kind)} did not connect: ${input.errorDescription ?? input.error}. Connect again; if it keeps failing, contact support.`,
      input.error ?? "no_code",
    );
  let tokens: OAuthTokenSet;
  let accounts: SocialAccount[];
  try {
    tokens = await provider.exchangeCode({
      code: input.code,
      ...(connection.codeVerifierEncrypted
        ? { codeVerifier: deps.secrets.decrypt(connection.codeVerifierEncrypted) }
        : {}),
    });
    accounts = await provider.listAccounts(tokens);
  } catch (err) {
    if (!isSocialProviderError(err)) throw err;
    if (!err.permanent) throw new AppError(503, "SERVICE_UNAVAILABLE", err.message, { reason: err.kind });
    throw connectFailed(err.message, err.kind);
  }
  if (accounts.length === 0)
    throw connectFailed(
      `${label(kind)} lists no ${CHANNEL_CATALOG[kind].accountNoun} you can publish as with this sign-in: sign in with an account that manages one, then connect again.`,
      "no_accounts",
    );

  if (connection.reconnectChannelId) {
    const channel = await deps.tdb.connectedChannel.findFirst({ where: { id: connection.reconnectChannelId } });
    if (!channel) throw notFound("Channel");
    const account = accounts.find((a) => a.externalId === channel.externalAccountId);
    if (!account)
      throw connectFailed(
        `You signed in to ${label(kind)} as someone who cannot publish as "${channel.name}": sign in with an account that manages it, then reconnect.`,
        "account_not_listed",
      );
    await deps.tdb.$transaction(async (tx) => {
      await tx.connectedChannel.updateMany({
        where: { id: channel.id },
        data: {
          ...tokenColumns(deps.secrets, tokens, account.accountToken),
          status: "connected",
          refreshLeaseUntil: null,
          ...channelHealthUpdate(now, { ok: true }),
        },
      });
      await tx.channelConnection.updateMany({ where: { id: connection.id }, data: { completedAt: now } });
      await writeAudit(tx, {
        actorId: actor.userId,
        action: "channel.reconnected",
        targetType: "ConnectedChannel",
        targetId: channel.id,
        requestId: actor.requestId,
        metadata: { kind },
      });
    });
    return { outcome: "reconnected", channelId: channel.id };
  }

  const pending: z.infer<typeof pendingSecretsSchema> = {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
    ...(tokens.expiresAt ? { expiresAt: tokens.expiresAt.toISOString() } : {}),
    ...(tokens.refreshExpiresAt ? { refreshExpiresAt: tokens.refreshExpiresAt.toISOString() } : {}),
    scopes: tokens.scopes,
    accountTokens: Object.fromEntries(
      accounts.flatMap((a) => (a.accountToken ? [[a.externalId, a.accountToken]] : [])),
    ),
  };
  const shown = accounts.map(({ accountToken: _secret, ...a }) => connectAccountSchema.parse(a));
  await deps.tdb.channelConnection.updateMany({
    where: { id: connection.id },
    data: { tokensEncrypted: deps.secrets.encrypt(JSON.stringify(pending)), accounts: shown },
  });
  return { outcome: "choose", connectionId: connection.id, kind, accounts: shown };
}

/** A connect waiting for its person to pick an account: 404 for anyone else, or once it is done or expired. */
async function pendingConnection(deps: ChannelConnectDeps, actor: ChannelActor, connectionId: string) {
  const now = deps.now?.() ?? new Date();
  const connection = await deps.tdb.channelConnection.findFirst({
    where: {
      id: connectionId,
      userId: actor.userId,
      completedAt: null,
      tokensEncrypted: { not: null },
      expiresAt: { gt: now },
    },
  });
  if (!connection || !isSocialChannelKind(connection.kind)) throw notFound("Connection");
  return { ...connection, kind: connection.kind, accounts: z.array(connectAccountSchema).parse(connection.accounts) };
}

export async function getChannelConnection(deps: ChannelConnectDeps, actor: ChannelActor, connectionId: string) {
  const c = await pendingConnection(deps, actor, connectionId);
  const connected = await deps.tdb.connectedChannel.findMany({
    where: { kind: c.kind, externalAccountId: { in: c.accounts.map((a) => a.externalId) } },
    select: { externalAccountId: true },
  });
  const taken = new Set(connected.map((x) => x.externalAccountId));
  return {
    id: c.id,
    kind: c.kind,
    expiresAt: c.expiresAt,
    accounts: c.accounts.map((a) => ({ ...a, connected: taken.has(a.externalId) })),
  };
}

export const selectAccountInput = z.strictObject({ externalId: z.string().min(1).max(300) });

/**
 * The person picked the account to publish as: it becomes a channel, its tokens sealed; the
 * connect is done. 409 when that account is already connected in this workspace.
 */
export async function selectChannelAccount(
  deps: ChannelConnectDeps,
  actor: ChannelActor,
  connectionId: string,
  input: z.infer<typeof selectAccountInput>,
): Promise<ChannelView> {
  const c = await pendingConnection(deps, actor, connectionId);
  const account = c.accounts.find((a) => a.externalId === input.externalId);
  if (!account)
    throw new AppError(400, "VALIDATION_ERROR", "Choose one of the accounts listed.", {
      fields: [{ path: "body.externalId", message: "not one of the accounts listed" }],
    });
  const pending = pendingSecretsSchema.parse(JSON.parse(deps.secrets.decrypt(c.tokensEncrypted ?? "")));
  const tokens: OAuthTokenSet = {
    accessToken: pending.accessToken,
    ...(pending.refreshToken ? { refreshToken: pending.refreshToken } : {}),
    ...(pending.expiresAt ? { expiresAt: new Date(pending.expiresAt) } : {}),
    ...(pending.refreshExpiresAt ? { refreshExpiresAt: new Date(pending.refreshExpiresAt) } : {}),
    scopes: pending.scopes,
  };
  const now = deps.now?.() ?? new Date();
  return deps.tdb.$transaction(async (tx) => {
    const done = await tx.channelConnection.updateMany({
      where: { id: c.id, completedAt: null },
      data: { completedAt: now, tokensEncrypted: null },
    });
    if (done.count !== 1) throw notFound("Connection");
    if (
      await tx.connectedChannel.findFirst({
        where: { kind: c.kind, externalAccountId: account.externalId },
        select: { id: true },
      })
    )
      throw conflict(`This ${CHANNEL_CATALOG[c.kind].accountNoun} is already connected: find it in the list.`);
    return createChannel(
      tx,
      actor,
      {
        kind: c.kind,
        name: account.name,
        accountName: account.name,
        accountType: account.type,
        accountHandle: account.handle ?? null,
        avatarUrl: account.avatarUrl ?? null,
        externalAccountId: account.externalId,
        ...tokenColumns(deps.secrets, tokens, pending.accountTokens[account.externalId]),
        ...channelHealthUpdate(now, { ok: true }),
      },
      { kind: c.kind, externalAccountId: account.externalId },
    );
  });
}
