import type { SecretBox } from "@leadmetrics/crypto";
import type { OAuthTokenSet } from "@leadmetrics/provider-core";
import { z } from "zod";

/** What an OAuth channel's `credentialsEncrypted` holds, sealed as one JSON document. */
const channelSecretsSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** The account's own token (a Facebook Page's), which it publishes with. */
  accountToken: z.string().min(1).optional(),
});
export type ChannelSecrets = z.infer<typeof channelSecretsSchema>;

export const sealChannelSecrets = (box: Pick<SecretBox, "encrypt">, secrets: ChannelSecrets): string =>
  box.encrypt(JSON.stringify(secrets));

/** Throws when no configured key opens it (a lost key) or it is not a token set. */
export const openChannelSecrets = (box: Pick<SecretBox, "decrypt">, sealed: string): ChannelSecrets =>
  channelSecretsSchema.parse(JSON.parse(box.decrypt(sealed)));

/** The token set a provider takes, from what is stored. */
export function tokenSetOf(
  secrets: ChannelSecrets,
  channel: { tokenExpiresAt: Date | null; refreshExpiresAt: Date | null; scopes: string[] },
): OAuthTokenSet {
  return {
    accessToken: secrets.accessToken,
    ...(secrets.refreshToken ? { refreshToken: secrets.refreshToken } : {}),
    ...(channel.tokenExpiresAt ? { expiresAt: channel.tokenExpiresAt } : {}),
    ...(channel.refreshExpiresAt ? { refreshExpiresAt: channel.refreshExpiresAt } : {}),
    scopes: channel.scopes,
  };
}

/** The columns a fresh token set writes. */
export function tokenColumns(box: Pick<SecretBox, "encrypt">, tokens: OAuthTokenSet, accountToken?: string) {
  return {
    credentialsEncrypted: sealChannelSecrets(box, {
      accessToken: tokens.accessToken,
      ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
      ...(accountToken ? { accountToken } : {}),
    }),
    tokenExpiresAt: tokens.expiresAt ?? null,
    refreshExpiresAt: tokens.refreshExpiresAt ?? null,
    scopes: tokens.scopes,
  };
}
