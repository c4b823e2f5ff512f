import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { CHANNEL_KINDS, type ChannelKind } from "@leadmetrics/catalog";

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidOf = (bytes: Buffer) => bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");
/** Bytes of a claim: tenant (16), image (16), network (1: its place in CHANNEL_KINDS), expiry (4, seconds). */
const CLAIM_BYTES = 37;
/** A truncated HMAC-SHA256 (128 bits): short enough for an address, far beyond guessing. */
const SIGNATURE_BYTES = 16;

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
  const sign = (body: string) =>
    createHmac("sha256", key).update(body).digest().subarray(0, SIGNATURE_BYTES).toString("base64url");
  const base = config.baseUrl.replace(/\/+$/, "");
  return {
    url(claims, now = new Date()) {
      if (!UUID.test(claims.tenantId) || !UUID.test(claims.mediaId)) throw new Error("media link ids must be UUIDs");
      const bytes = Buffer.alloc(CLAIM_BYTES);
      uuidBytes(claims.tenantId).copy(bytes, 0);
      uuidBytes(claims.mediaId).copy(bytes, 16);
      bytes.writeUInt8(CHANNEL_KINDS.indexOf(claims.kind), 32);
      bytes.writeUInt32BE(Math.floor(now.getTime() / 1000) + MEDIA_LINK_TTL_SECONDS, 33);
      const body = bytes.toString("base64url");
      return `${base}${MEDIA_LINK_PATH}/${body}.${sign(body)}`;
    },
    verify(token, now = new Date()) {
      const [body, signature, extra] = token.split(".");
      if (!body || !signature || extra !== undefined) return null;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      const bytes = Buffer.from(body, "base64url");
      if (bytes.length !== CLAIM_BYTES) return null;
      const kind = CHANNEL_KINDS[bytes.readUInt8(32)];
      if (!kind) return null;
      const expiresAt = bytes.readUInt32BE(33);
      if (expiresAt * 1000 < now.getTime()) return null;
      return { tenantId: uuidOf(bytes.subarray(0, 16)), mediaId: uuidOf(bytes.subarray(16, 32)), kind, expiresAt };
    },
  };
}
