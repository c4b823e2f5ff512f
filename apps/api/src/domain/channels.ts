import type { SecretBox } from "@leadmetrics/crypto";
import { type ConnectedChannel, type TenantDb, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
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

export interface ConnectChannelDeps {
  tdb: TenantDb;
  /** Seals the credentials before they reach the database. */
  secrets: Pick<SecretBox, "encrypt">;
  /** ALLOW_PRIVATE_CHANNEL_URLS: development and tests publish to sites on private addresses. */
  allowPrivateUrls: boolean;
  /** How the site's host is looked up (DNS unless told otherwise). */
  resolve?: Resolve;
}

/** The workspace's publishing destinations, first connected first. */
export function listChannels(tdb: TenantDb): Promise<ChannelView[]> {
  return tdb.connectedChannel.findMany({ orderBy: { createdAt: "asc" }, omit: { credentialsEncrypted: true } });
}

/**
 * Connects a WordPress site, with an audit row. The site's URL must be one the platform may call
 * (400 VALIDATION_ERROR otherwise, 503 when DNS could not say); the application password is sealed
 * before it is stored and never returned.
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
  return deps.tdb.$transaction(async (tx) => {
    const created = await tx.connectedChannel.create({
      data: {
        tenantId: actor.tenantId,
        kind: "wordpress",
        name: input.name,
        siteUrl,
        username: input.username,
        credentialsEncrypted: deps.secrets.encrypt(input.applicationPassword),
      },
      omit: { credentialsEncrypted: true },
    });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "channel.connected",
      targetType: "ConnectedChannel",
      targetId: created.id,
      requestId: actor.requestId,
      metadata: { kind: "wordpress", siteUrl },
    });
    return created;
  });
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
