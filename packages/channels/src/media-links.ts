import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { isChannelKind, type ChannelKind } from "@leadmetrics/catalog";
import { z } from "zod";

/**
 * Short-lived public addresses of a workspace's images, converted to one network's rules: the
 * networks that fetch images themselves (Instagram, Google Business Profile, Facebook) need one,
 * and the publisher downloads through the same address for the networks that take bytes. The
 * address names nothing guessable: its token is signed with a key derived from the channel
 * secrets key, and it expires.
 */
export interface MediaLinkClaims {
  tenantId: string;
  mediaId: string;
  /** The network whose rules the image is converted to. */
  kind: ChannelKind;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const claimsSchema = z.object({
  t: z.uuid(),
  m: z.uuid(),
  k: z.string().refine(isChannelKind),
  e: z.number().int(),
});

export const MEDIA_LINK_PATH = "/public/v1/media";
export const MEDIA_LINK_TTL_SECONDS = 60 * 60;

export interface MediaLinks {
  /** The public address of the image for this network, valid MEDIA_LINK_TTL_SECONDS. */
  url(claims: Omit<MediaLinkClaims, "expiresAt">, now?: Date): string;
  /** The claims of a token, or null when it is forged, malformed or expired. */
  verify(token: string, now?: Date): MediaLinkClaims | null;
}

/** `baseUrl`: the API's public origin (MEDIA_PUBLIC_URL); `channelSecretsKey`: CHANNEL_SECRETS_KEY. */
export function createMediaLinks(config: { baseUrl: string; channelSecretsKey: string }): MediaLinks {
  // Its own key, derived: a media link's signature says nothing about the sealing key.
  const key = createHash("sha256").update("leadmetrics media links\0").update(config.channelSecretsKey).digest();
  const sign = (body: string) => createHmac("sha256", key).update(body).digest("base64url");
  const base = config.baseUrl.replace(/\/+$/, "");
  return {
    url(claims, now = new Date()) {
      const body = Buffer.from(
        JSON.stringify({
          t: claims.tenantId,
          m: claims.mediaId,
          k: claims.kind,
          e: Math.floor(now.getTime() / 1000) + MEDIA_LINK_TTL_SECONDS,
        }),
      ).toString("base64url");
      return `${base}${MEDIA_LINK_PATH}/${body}.${sign(body)}`;
    },
    verify(token, now = new Date()) {
      const [body, signature, extra] = token.split(".");
      if (!body || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      let parsed: z.infer<typeof claimsSchema>;
      try {
        parsed = claimsSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
      } catch {
        return null;
      }
      if (parsed.e * 1000 < now.getTime()) return null;
      return { tenantId: parsed.t, mediaId: parsed.m, kind: parsed.k as ChannelKind, expiresAt: parsed.e };
    },
  };
}
