import { createHash, createSecretKey, randomBytes, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import {
  ACCESS_TOKEN_TYPE,
  type AccessClaims,
  type AccessClaimsInput,
  InvalidTokenError,
  TOKEN_ISSUER,
  verifyAccessToken,
  verifyTyped,
} from "./claims";

export interface TokenSigner {
  signAccess(claims: AccessClaimsInput): Promise<{ token: string; claims: AccessClaims }>;
  verifyAccess(token: string): Promise<AccessClaims>;
  signRegistration(sessionId: string): Promise<string>;
  verifyRegistration(token: string): Promise<{ sessionId: string }>;
}

export interface TokenSignerOptions {
  secret: string;
  /** Still accepted for verification during a key rotation; never used to sign. */
  previousSecret?: string;
  accessTtlSeconds: number;
  registrationTtlSeconds?: number;
  issuer?: string;
}

const REGISTRATION = "reg_session";
const VERIFIED_TOKENS_KEPT = 10_000;

/** HS256 tokens; the API is the only issuer. Portals verify with the same `jose` calls. */
export function createTokenSigner(opts: TokenSignerOptions): TokenSigner {
  const issuer = opts.issuer ?? TOKEN_ISSUER;
  // Imported once: jose would otherwise import the raw secret again on every sign and verify.
  const keys = [opts.secret, opts.previousSecret]
    .filter((s): s is string => Boolean(s))
    .map((s) => createSecretKey(Buffer.from(s, "utf8")));
  const current = keys[0]!;
  // Access tokens whose signature and claims were verified, oldest first (bounded).
  const verified = new Map<string, AccessClaims>();

  async function sign(payload: Record<string, unknown>, typ: string, ttlSeconds: number, subject: string) {
    const nowMs = Date.now();
    const jti = randomUUID();
    const token = await new SignJWT({ ...payload, typ, iatMs: nowMs })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject(subject)
      .setIssuer(issuer)
      .setJti(jti)
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(nowMs / 1000) + ttlSeconds)
      .sign(current);
    return { token, jti, iatMs: nowMs, exp: Math.floor(nowMs / 1000) + ttlSeconds };
  }

  return {
    async signAccess(input) {
      const { sub, ...rest } = input;
      const signed = await sign(rest, ACCESS_TOKEN_TYPE, opts.accessTtlSeconds, sub);
      return {
        token: signed.token,
        claims: { ...input, jti: signed.jti, iatMs: signed.iatMs, exp: signed.exp } as AccessClaims,
      };
    },
    async verifyAccess(token) {
      // A token verified before is only checked for expiry again: the signature and the claims
      // cannot have changed. Revocation is not cached here (the session service checks it each time).
      const known = verified.get(token);
      if (known !== undefined) {
        if (known.exp <= Math.floor(Date.now() / 1000)) {
          verified.delete(token);
          throw new InvalidTokenError("expired");
        }
        return known;
      }
      const claims = await verifyAccessToken(token, keys, issuer);
      if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value as string);
      verified.set(token, claims);
      return claims;
    },
    async signRegistration(sessionId) {
      return (await sign({}, REGISTRATION, opts.registrationTtlSeconds ?? 3_600, sessionId)).token;
    },
    async verifyRegistration(token) {
      const payload = await verifyTyped(token, keys, REGISTRATION, issuer);
      if (typeof payload.sub !== "string") throw new InvalidTokenError("invalid");
      return { sessionId: payload.sub };
    },
  };
}

/** An opaque, URL-safe secret (refresh tokens, reset links). Only its hash is stored. */
export const generateOpaqueToken = (): string => randomBytes(32).toString("base64url");
export const hashOpaqueToken = (token: string): string => createHash("sha256").update(token).digest("hex");
