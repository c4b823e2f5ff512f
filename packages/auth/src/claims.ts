import { type CryptoKey, errors as joseErrors, jwtVerify, type KeyObject } from "jose";
import { z } from "zod";

// Edge-safe (no node: imports): shared by the API and the portals' Next.js middleware.

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
 * makes route code state which one it handles.
 */
export const accessClaimsSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("tenant"), tenantId: z.uuid(), role: z.enum(TENANT_ROLES) }),
  z.object({ ...common, kind: z.literal("staff"), tenantId: z.null(), role: z.enum(STAFF_ROLES) }),
]);
export type AccessClaims = z.infer<typeof accessClaimsSchema>;
export type TenantClaims = Extract<AccessClaims, { kind: "tenant" }>;
export type StaffClaims = Extract<AccessClaims, { kind: "staff" }>;
export type AccessClaimsInput = Omit<AccessClaims, "jti" | "iatMs" | "exp">;

export class InvalidTokenError extends Error {
  constructor(readonly reason: "expired" | "invalid") {
    super(reason === "expired" ? "Token has expired" : "Token is invalid");
    this.name = "InvalidTokenError";
  }
}

export const ACCESS_TOKEN_TYPE = "access";
export const TOKEN_ISSUER = "leadmetrics-api";

type VerifyKey = CryptoKey | KeyObject | Uint8Array;

/** Verifies a token of `typ` against each key in turn (current, then previous during a rotation). */
export async function verifyTyped(token: string, keys: VerifyKey[], typ: string, issuer = TOKEN_ISSUER) {
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

/** Verifies an access token and parses its claims; throws InvalidTokenError. */
export async function verifyAccessToken(
  token: string,
  keys: VerifyKey[],
  issuer = TOKEN_ISSUER,
): Promise<AccessClaims> {
  const parsed = accessClaimsSchema.safeParse(await verifyTyped(token, keys, ACCESS_TOKEN_TYPE, issuer));
  if (!parsed.success) throw new InvalidTokenError("invalid");
  return parsed.data;
}

export const cookieNames = (portal: Portal) => ({
  access: `${portal}_access_token`,
  refresh: `${portal}_refresh_token`,
});
