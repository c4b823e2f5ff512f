import {
  type AccessClaims,
  type AccessClaimsInput,
  generateOpaqueToken,
  hashOpaqueToken,
  InvalidTokenError,
  type Portal,
  type TokenSigner,
} from "@leadmetrics/auth";
import type { Db, User } from "@leadmetrics/db";
import { AppError, forbidden, unauthorized } from "@leadmetrics/errors";
import type { Redis } from "ioredis";
import { authKeys } from "./keys";

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
  claims: AccessClaims;
}

export interface SessionServiceDeps {
  db: Db;
  redis: Redis;
  signer: TokenSigner;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

type SessionUser = Pick<User, "id" | "platformRole" | "disabledAt">;
type Membership = { tenantId: string; role: "owner" | "admin" | "member" };
type SessionClaims = AccessClaimsInput extends infer T ? (T extends unknown ? Omit<T, "fid"> : never) : never;

const serviceUnavailable = () => new AppError(503, "SERVICE_UNAVAILABLE", "Session store unavailable; retry shortly");

/**
 * Decides what a login is for. The dashboard (and the mobile app, which names no portal) act
 * for one tenant; the DM and Manage portals act as platform staff.
 */
export function sessionClaimsFor(
  user: SessionUser,
  memberships: Membership[],
  portal: Portal | undefined,
  requestedTenantId: string | undefined,
): SessionClaims {
  const appAccess: Portal[] = [];
  if (memberships.length > 0) appAccess.push("dashboard");
  if (user.platformRole === "super_admin" || user.platformRole === "dm_reviewer") appAccess.push("dm");
  if (user.platformRole === "super_admin") appAccess.push("manage");
  if (portal && !appAccess.includes(portal)) throw forbidden(`This account has no access to the ${portal} portal`);

  const staff = portal === "dm" || portal === "manage" || (portal === undefined && memberships.length === 0);
  if (staff) {
    if (user.platformRole === "none") throw forbidden("This account is not a member of any workspace");
    return { kind: "staff", sub: user.id, tenantId: null, role: user.platformRole, appAccess };
  }
  const membership = requestedTenantId ? memberships.find((m) => m.tenantId === requestedTenantId) : memberships[0];
  if (!membership) throw forbidden("This account is not a member of that workspace");
  return { kind: "tenant", sub: user.id, tenantId: membership.tenantId, role: membership.role, appAccess };
}

export function createSessionService(deps: SessionServiceDeps) {
  const { db, redis, signer } = deps;

  async function issueRefreshToken(familyId: string) {
    const token = generateOpaqueToken();
    const expiresAt = new Date(Date.now() + deps.refreshTtlSeconds * 1000);
    await db.refreshToken.create({ data: { familyId, tokenHash: hashOpaqueToken(token), expiresAt } });
    return { token, expiresAt };
  }

  async function tokensFor(claims: AccessClaimsInput): Promise<SessionTokens> {
    const access = await signer.signAccess(claims);
    const refresh = await issueRefreshToken(claims.fid);
    return {
      accessToken: access.token,
      refreshToken: refresh.token,
      accessTokenExpiresAt: new Date(access.claims.exp * 1000).toISOString(),
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
      claims: access.claims,
    };
  }

  /**
   * Every workspace of the user, active ones first. A suspended workspace still opens a session:
   * the tenant guard refuses its routes (TENANT_SUSPENDED) and the portal shows why, instead of a
   * sign-in that fails without saying so.
   */
  async function loadMemberships(userId: string): Promise<Membership[]> {
    return db.tenantMember.findMany({
      where: { userId },
      select: { tenantId: true, role: true },
      orderBy: [{ tenant: { status: "asc" } }, { createdAt: "asc" }],
    });
  }

  return {
    /** A new login session (refresh family) for a user whose credentials were checked. */
    async start(user: SessionUser, portal: Portal | undefined, requestedTenantId?: string): Promise<SessionTokens> {
      const memberships = await loadMemberships(user.id);
      const claims = sessionClaimsFor(user, memberships, portal, requestedTenantId);
      const family = await db.refreshTokenFamily.create({
        data: { userId: user.id, tenantId: claims.tenantId, portal: portal ?? null },
      });
      return tokensFor({ ...claims, fid: family.id });
    },

    /**
     * Rotates a refresh token. Each token is single-use: presenting a spent one means it was
     * stolen or replayed, and the whole family (every token of that login) is revoked.
     */
    async refresh(refreshToken: string): Promise<SessionTokens & { portal: Portal | undefined }> {
      const row = await db.refreshToken.findUnique({
        where: { tokenHash: hashOpaqueToken(refreshToken) },
        include: { family: { include: { user: { select: { id: true, platformRole: true, disabledAt: true } } } } },
      });
      if (!row || row.family.revokedAt) throw unauthorized("Refresh token is invalid or revoked");
      if (row.usedAt) {
        await this.revokeFamily(row.familyId, "refresh_token_reuse");
        throw unauthorized("Refresh token was already used; this session has been revoked");
      }
      if (row.expiresAt.getTime() <= Date.now()) throw unauthorized("Refresh token has expired");
      // Claim the token atomically: of two concurrent refreshes, exactly one wins.
      const claimed = await db.refreshToken.updateMany({
        where: { id: row.id, usedAt: null },
        data: { usedAt: new Date() },
      });
      if (claimed.count !== 1) {
        await this.revokeFamily(row.familyId, "refresh_token_reuse");
        throw unauthorized("Refresh token was already used; this session has been revoked");
      }
      const user = row.family.user;
      if (user.disabledAt) throw unauthorized("Account is disabled");
      const memberships = await loadMemberships(user.id);
      const portal = (row.family.portal ?? undefined) as Portal | undefined;
      const claims = sessionClaimsFor(user, memberships, portal, row.family.tenantId ?? undefined);
      return { ...(await tokensFor({ ...claims, fid: row.familyId })), portal };
    },

    async revokeFamily(familyId: string, reason: string): Promise<void> {
      await db.refreshTokenFamily.updateMany({
        where: { id: familyId, revokedAt: null },
        data: { revokedAt: new Date(), revokedReason: reason },
      });
    },

    /** Logout: this access token stops working now, and its session cannot be refreshed. */
    async logout(claims: AccessClaims): Promise<void> {
      const ttl = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
      await redis.set(authKeys.revokedJti(claims.jti), "1", "EX", ttl);
      await this.revokeFamily(claims.fid, "logout");
    },

    /** Log out everywhere: every token issued to the user before now is refused. */
    async logoutAll(userId: string): Promise<void> {
      const now = new Date();
      // Access tokens live at most accessTtl: the marker can expire with the last of them.
      await redis.set(authKeys.revokedBefore(userId), String(now.getTime()), "EX", deps.accessTtlSeconds + 60);
      await db.$transaction([
        db.user.update({ where: { id: userId }, data: { tokensRevokedBefore: now } }),
        db.refreshTokenFamily.updateMany({
          where: { userId, revokedAt: null },
          data: { revokedAt: now, revokedReason: "logout_all" },
        }),
      ]);
    },

    /** Verifies an access token and checks it against the revocations (one Redis round trip). */
    async authenticate(token: string): Promise<AccessClaims> {
      let claims: AccessClaims;
      try {
        claims = await signer.verifyAccess(token);
      } catch (err) {
        if (err instanceof InvalidTokenError) {
          throw new AppError(401, err.reason === "expired" ? "TOKEN_EXPIRED" : "UNAUTHORIZED", err.message);
        }
        throw err;
      }
      let revoked: [string | null, string | null];
      try {
        revoked = (await redis.mget(authKeys.revokedJti(claims.jti), authKeys.revokedBefore(claims.sub))) as [
          string | null,
          string | null,
        ];
      } catch {
        throw serviceUnavailable();
      }
      if (revoked[0] !== null) throw unauthorized("Token has been revoked");
      if (revoked[1] !== null && claims.iatMs < Number(revoked[1])) throw unauthorized("Token has been revoked");
      return claims;
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
