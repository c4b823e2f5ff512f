import { createHash, createSecretKey, randomBytes, randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";

export const PORTALS = ["dashboard", "dm", "manage"] as const;
export const portalSchema = z.enum(PORTALS);
export type Portal = z.infer<typeof portalSchema>;

export const TENANT_ROLES = ["owner", "admin", "member"] as const;
export const STAFF_ROLES = ["super_admin", "dm_reviewer"] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

const common = {
  sub: z.uuid(),
  appAccess: z.array(portalSchema),
  jti: z.uuid(),
  /** Refresh-token family (the login session) this access token belongs to. */
  fid: z.uuid(),
  /** Issued-at in milliseconds: "log out everywhere" compares against it without 1 s ambiguity. */
  iatMs: z.number().int(),
  exp: z.number().int(),
};

/**
 * Access-token claims: a tenant user always has a tenant; platform staff never do. The union
 * makes route code state which one it handles (review §4.2).
 */
export const accessClaimsSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("tenant"), tenantId: z.uuid(), role: z.enum(TENANT_ROLES) }),
  z.object({ ...common, kind: z.literal("staff"), tenantId: z.null(), role: z.enum(STAFF_ROLES) }),
]);
export type AccessClaims = z.infer<typeof accessClaimsSchema>;
export type TenantClaims = Extract<AccessClaims, { kind: "tenant" }>;
export type StaffClaims = Extract<AccessClaims, { kind: "staff" }>;
export type AccessClaimsInput = Omit<AccessClaims, "jti" | "iatMs" | "exp">;

export interface TokenSigner {
  signAccess(claims: AccessClaimsInput): Promise<{ token: string; claims: AccessClaims }>;
  verifyAccess(token: string): Promise<AccessClaims>;
  signRegistration(sessionId: string): Promise<string>;
  verifyRegistration(token: string): Promise<{ sessionId: string }>;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: "expired" | "invalid") {
    super(reason === "expired" ? "Token has expired" : "Token is invalid");
    this.name = "InvalidTokenError";
  }
}

export interface TokenSignerOptions {
  secret: string;
  /** Still accepted for verification during a key rotation; never used to sign. */
  previousSecret?: string;
  accessTtlSeconds: number;
  registrationTtlSeconds?: number;
  issuer?: string;
}

const ACCESS = "access";
const REGISTRATION = "reg_session";

/** HS256 tokens; the API is the only issuer. Portals verify with the same `jose` calls. */
export function createTokenSigner(opts: TokenSignerOptions): TokenSigner {
  const issuer = opts.issuer ?? "leadmetrics-api";
  // Imported once: jose would otherwise import the raw secret again on every sign and verify.
  const keys = [opts.secret, opts.previousSecret].filter((s): s is string => Boolean(s)).map((s) => createSecretKey(Buffer.from(s, "utf8")));
  const current = keys[0]!;

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

  async function verify(token: string, typ: string) {
    let lastError: unknown;
    for (const key of keys) {
      try {
        const { payload } = await jwtVerify(token, key, { issuer, algorithms: ["HS256"] });
        if (payload.typ !== typ) throw new InvalidTokenError("invalid");
        return payload;
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new InvalidTokenError("expired");
        lastError = err;
        if (!(err instanceof joseErrors.JWSSignatureVerificationFailed)) break;
      }
    }
    throw lastError instanceof InvalidTokenError ? lastError : new InvalidTokenError("invalid");
  }

  return {
    async signAccess(input) {
      const { sub, ...rest } = input;
      const signed = await sign(rest, ACCESS, opts.accessTtlSeconds, sub);
      return { token: signed.token, claims: { ...input, jti: signed.jti, iatMs: signed.iatMs, exp: signed.exp } as AccessClaims };
    },
    async verifyAccess(token) {
      const payload = await verify(token, ACCESS);
      const parsed = accessClaimsSchema.safeParse(payload);
      if (!parsed.success) throw new InvalidTokenError("invalid");
      return parsed.data;
    },
    async signRegistration(sessionId) {
      return (await sign({}, REGISTRATION, opts.registrationTtlSeconds ?? 3_600, sessionId)).token;
    },
    async verifyRegistration(token) {
      const payload = await verify(token, REGISTRATION);
      if (typeof payload.sub !== "string") throw new InvalidTokenError("invalid");
      return { sessionId: payload.sub };
    },
  };
}

/** An opaque, URL-safe secret (refresh tokens, reset links). Only its hash is stored. */
export const generateOpaqueToken = (): string => randomBytes(32).toString("base64url");
export const hashOpaqueToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const cookieNames = (portal: Portal) => ({
  access: `${portal}_access_token`,
  refresh: `${portal}_refresh_token`,
});
