import { channelKindLabel } from "@leadmetrics/catalog";
import { type ChannelAccessDeps, type SocialProviders, withChannelSession } from "@leadmetrics/channels";
import type { SecretBox } from "@leadmetrics/crypto";
import {
  type ConnectedChannel,
  channelHealthUpdate,
  type Prisma,
  type TenantDb,
  type TenantTx,
  UNREADABLE_CHANNEL_PASSWORD,
  writeAudit,
} from "@leadmetrics/db";
import { AppError, conflict, notFound } from "@leadmetrics/errors";
import { isSocialProviderError } from "@leadmetrics/provider-core";
import {
  createWordPressClient,
  isWordPressError,
  type WordPressFailureKind,
  type WordPressSiteCheck,
} from "@leadmetrics/provider-wordpress";
import { PermanentJobError } from "@leadmetrics/queue";
import { z } from "zod";
import { checkChannelUrl, type Resolve } from "../lib/public-url";

export const wordpressChannelInput = z.strictObject({
  name: z.string().trim().min(2).max(80),
  siteUrl: z.string().trim().max(300),
  username: z.string().trim().min(1).max(120),
  applicationPassword: z
    .string()
    .min(8)
    .max(200)
    .describe("A WordPress application password; stored encrypted, never returned"),
});
export type WordpressChannelInput = z.infer<typeof wordpressChannelInput>;

/** A channel as it leaves the database for anyone to see: its sealed credentials never do. */
export type ChannelView = Omit<ConnectedChannel, "credentialsEncrypted">;

/** Who acts, in which workspace, for which request. */
export interface ChannelActor {
  tenantId: string;
  userId: string;
  requestId?: string;
}

/** How the API reaches a tenant's site: always through the platform's guarded fetch. */
export interface SiteAccess {
  /** createOutboundFetch: public addresses only (unless private ones are allowed), each hop checked. */
  fetch: typeof fetch;
  /** A person is waiting on the answer: a site slower than this is reported as not answering. */
  timeoutMs?: number;
}

export interface ConnectChannelDeps extends SiteAccess {
  tdb: TenantDb;
  /** Seals the credentials before they reach the database. */
  secrets: Pick<SecretBox, "encrypt">;
  /** ALLOW_PRIVATE_CHANNEL_URLS: development and tests publish to sites on private addresses. */
  allowPrivateUrls: boolean;
  /** How the site's host is looked up (DNS unless told otherwise). */
  resolve?: Resolve;
}

export interface TestChannelDeps extends SiteAccess {
  tdb: TenantDb;
  secrets: SecretBox;
  /** Social accounts are asked through their network's client (renewing the sign-in if due). */
  providers: SocialProviders;
  outbox?: ChannelAccessDeps["outbox"];
}

export const SITE_CHECK_TIMEOUT_MS = 10_000;

/** The field of the connect form a failure is about, so the form can show it beside that field. */
const FIELD_OF: Partial<Record<WordPressFailureKind, keyof WordpressChannelInput>> = {
  host_not_found: "siteUrl",
  unreachable: "siteUrl",
  timeout: "siteUrl",
  tls: "siteUrl",
  private_address: "siteUrl",
  redirected: "siteUrl",
  not_wordpress: "siteUrl",
  unknown_user: "username",
  cannot_publish: "username",
  bad_password: "applicationPassword",
  app_passwords_disabled: "applicationPassword",
  not_logged_in: "applicationPassword",
};

/** The columns a successful check fills: what was found at the site. */
const foundAt = (found: WordPressSiteCheck) => ({
  siteName: found.siteName,
  accountName: found.userName,
  accountRoles: found.roles,
});

/** Asks the site who these credentials are; a WordPressError is the site's answer, anything else a bug. */
function checkSite(
  access: SiteAccess,
  credentials: { siteUrl: string; username: string; applicationPassword: string },
) {
  return createWordPressClient({
    ...credentials,
    fetch: access.fetch,
    timeoutMs: access.timeoutMs ?? SITE_CHECK_TIMEOUT_MS,
  }).verify();
}

/** The workspace's publishing destinations, first connected first. */
export function listChannels(tdb: TenantDb): Promise<ChannelView[]> {
  return tdb.connectedChannel.findMany({ orderBy: { createdAt: "asc" }, omit: { credentialsEncrypted: true } });
}

/**
 * Connects a WordPress site, with an audit row. The site's URL must be one the platform may call
 * (400 VALIDATION_ERROR otherwise, 503 when DNS could not say), and the site itself must accept the
 * credentials and let the user publish (422 CHANNEL_CHECK_FAILED, its message the plain reason and
 * `details.fields` the field to fix). Nothing is stored unless the site said yes; the application
 * password is sealed before it is stored and never returned.
 */
export async function connectWordpressChannel(
  deps: ConnectChannelDeps,
  actor: ChannelActor,
  input: WordpressChannelInput,
): Promise<ChannelView> {
  const check = await checkChannelUrl(input.siteUrl, deps.allowPrivateUrls, deps.resolve);
  if (check && "unavailable" in check) throw new AppError(503, "SERVICE_UNAVAILABLE", check.unavailable);
  if (check)
    throw new AppError(400, "VALIDATION_ERROR", `siteUrl ${check.problem}`, {
      fields: [{ path: "body.siteUrl", message: check.problem }],
    });
  const siteUrl = input.siteUrl.replace(/\/+$/, "");
  // Ask the site only for a channel that could be stored.
  if (await deps.tdb.connectedChannel.findFirst({ where: { kind: "wordpress", siteUrl }, select: { id: true } }))
    throw conflict("This site is already connected: test or remove it in the list.");
  let found: WordPressSiteCheck;
  try {
    found = await checkSite(deps, {
      siteUrl,
      username: input.username,
      applicationPassword: input.applicationPassword,
    });
  } catch (err) {
    if (!isWordPressError(err)) throw err;
    const field = FIELD_OF[err.kind];
    throw new AppError(422, "CHANNEL_CHECK_FAILED", err.message, {
      reason: err.kind,
      retryable: !err.permanent,
      ...(field ? { fields: [{ path: `body.${field}`, message: err.message }] } : {}),
    });
  }
  return deps.tdb.$transaction((tx) =>
    createChannel(
      tx,
      actor,
      {
        kind: "wordpress",
        name: input.name,
        siteUrl,
        username: input.username,
        credentialsEncrypted: deps.secrets.encrypt(input.applicationPassword),
        ...foundAt(found),
        ...channelHealthUpdate(new Date(), { ok: true }),
      },
      { kind: "wordpress", siteUrl },
    ),
  );
}

/**
 * A new channel of the workspace with its audit row, in the caller's transaction (what was found
 * at the site or the network has been checked by then). Its sealed credentials never come back.
 */
export async function createChannel(
  tx: TenantTx,
  actor: ChannelActor,
  data: Omit<Prisma.ConnectedChannelUncheckedCreateInput, "tenantId">,
  metadata: Record<string, string>,
): Promise<ChannelView> {
  const created = await tx.connectedChannel.create({
    data: { ...data, tenantId: actor.tenantId },
    omit: { credentialsEncrypted: true },
  });
  await writeAudit(tx, {
    actorId: actor.userId,
    action: "channel.connected",
    targetType: "ConnectedChannel",
    targetId: created.id,
    requestId: actor.requestId,
    metadata,
  });
  return created;
}

/**
 * "Test connection": asks the site again with the stored credentials and records the answer as
 * the channel's health. The site saying no is an answer, not an error: the channel comes back
 * with `lastCheckOk: false` and the reason in `lastError`. 404 for any other workspace's id.
 */
export async function testChannel(deps: TestChannelDeps, channelId: string): Promise<ChannelView> {
  const channel = await deps.tdb.connectedChannel.findFirst({ where: { id: channelId } });
  if (!channel) throw notFound("Channel");
  const data =
    channel.siteUrl && channel.username
      ? await recheck(deps, { ...channel, siteUrl: channel.siteUrl, username: channel.username })
      : await recheckSocial(deps, channel);
  // Removed while the site was being asked: nothing to record.
  const { count } = await deps.tdb.connectedChannel.updateMany({ where: { id: channelId }, data });
  if (count !== 1) throw notFound("Channel");
  return deps.tdb.connectedChannel.findFirstOrThrow({ where: { id: channelId }, omit: { credentialsEncrypted: true } });
}

/** The columns the site's answer (or our own inability to ask it) sets. */
async function recheck(
  deps: TestChannelDeps,
  channel: ConnectedChannel & { siteUrl: string; username: string },
): Promise<Partial<ConnectedChannel>> {
  let applicationPassword: string;
  try {
    applicationPassword = deps.secrets.decrypt(channel.credentialsEncrypted);
  } catch {
    return channelHealthUpdate(new Date(), { ok: false, error: UNREADABLE_CHANNEL_PASSWORD });
  }
  try {
    const found = await checkSite(deps, { siteUrl: channel.siteUrl, username: channel.username, applicationPassword });
    return { ...foundAt(found), ...channelHealthUpdate(new Date(), { ok: true }) };
  } catch (err) {
    if (!isWordPressError(err)) throw err;
    return channelHealthUpdate(new Date(), { ok: false, error: err.message });
  }
}

/**
 * A social account, asked again: its network must still list it among the accounts the stored
 * sign-in may publish as (the sign-in is renewed first if it is due; a refused renewal is
 * needs_reconnect, recorded by the renewal itself).
 */
async function recheckSocial(deps: TestChannelDeps, channel: ConnectedChannel): Promise<Partial<ConnectedChannel>> {
  const label = channelKindLabel(channel.kind);
  try {
    const listed = await withChannelSession(deps, channel.id, ({ provider, tokens }) => provider.listAccounts(tokens));
    if (listed.some((a) => a.externalId === channel.externalAccountId))
      return channelHealthUpdate(new Date(), { ok: true });
    return channelHealthUpdate(new Date(), {
      ok: false,
      error: `${label} no longer lets this sign-in publish as "${channel.name}": reconnect it with an account that manages it.`,
    });
  } catch (err) {
    if (isSocialProviderError(err) || err instanceof PermanentJobError)
      return channelHealthUpdate(new Date(), { ok: false, error: err.message });
    throw err;
  }
}

/** Removes a channel of the workspace with an audit row; 404 for any other id. */
export async function removeChannel(tdb: TenantDb, actor: ChannelActor, channelId: string): Promise<void> {
  await tdb.$transaction(async (tx) => {
    const removed = await tx.connectedChannel.deleteMany({ where: { id: channelId } });
    if (removed.count !== 1) throw notFound("Channel");
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "channel.removed",
      targetType: "ConnectedChannel",
      targetId: channelId,
      requestId: actor.requestId,
    });
  });
}
