import { type AccessClaims, cookieNames, type Portal, portalSchema, type TenantRole } from "@leadmetrics/auth";
import { type Db, forTenant, sqlStatement, type TenantDb } from "@leadmetrics/db";
import { AppError, forbidden, unauthorized } from "@leadmetrics/errors";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SessionService } from "./session-service";

export type GuardName = "user" | "tenant" | "dm" | "admin" | "metrics";

export interface TenantContext {
  tenantId: string;
  userId: string;
  role: TenantRole;
  /** The only database handle a tenant route uses: every query is scoped to this tenant. */
  db: TenantDb;
}

declare module "fastify" {
  interface FastifyRequest {
    auth: AccessClaims | null;
    tenant: TenantContext | null;
  }
  interface FastifyContextConfig {
    /** Set by `protect()`: the guard every request to this route passes first. */
    guard?: GuardName;
    /** Tenant routes only: the roles allowed (default: every member). */
    tenantRoles?: TenantRole[];
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface GuardDeps {
  db: Db;
  sessions: SessionService;
  allowedOrigins: string[];
}

type Check = (req: FastifyRequest) => Promise<void>;

// Read fresh on every request (a removed member, a disabled account or a suspended tenant is shut
// out at once), each as one prepared statement: these run before every guarded request.
const staffAccess = sqlStatement<{ platformRole: string; disabled: boolean }, [userId: string]>(
  `SELECT "platformRole"::text AS "platformRole", ("disabledAt" IS NOT NULL) AS disabled FROM "User" WHERE id = $1::uuid`,
);
const memberAccess = sqlStatement<
  { role: TenantRole; status: "active" | "suspended"; disabled: boolean },
  [tenantId: string, userId: string]
>(
  `SELECT m.role::text AS role, t.status::text AS status, (u."disabledAt" IS NOT NULL) AS disabled
   FROM "TenantMember" m
   JOIN "Tenant" t ON t.id = m."tenantId"
   JOIN "User" u ON u.id = m."userId"
   WHERE m."tenantId" = $1::uuid AND m."userId" = $2::uuid`,
);

export function createGuards(deps: GuardDeps): Record<Exclude<GuardName, "metrics">, Check> {
  const { db, sessions } = deps;
  const origins = new Set(deps.allowedOrigins);

  /** Bearer header first (mobile, server-side calls); otherwise the portal's access cookie. */
  async function authenticate(req: FastifyRequest, portal: Portal | undefined): Promise<AccessClaims> {
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match) throw unauthorized('Authorization header must be "Bearer <token>"');
      token = match[1];
    } else if (portal) {
      token = req.cookies[cookieNames(portal).access];
      // A cookie travels with cross-site requests: a state-changing one must come from our portals.
      const origin = req.headers.origin;
      if (token && !SAFE_METHODS.has(req.method) && origin !== undefined && !origins.has(origin)) {
        throw forbidden("Cross-origin request refused");
      }
    }
    if (!token) throw unauthorized();
    const claims = await sessions.authenticate(token);
    req.auth = claims;
    return claims;
  }

  const staff =
    (allowed: readonly string[], portal: Portal): Check =>
    async (req) => {
      const claims = await authenticate(req, portal);
      if (claims.kind !== "staff") throw forbidden("This route is for platform staff");
      // The role is read fresh: a demoted or disabled account loses access at once, not in 15 minutes.
      const [user] = await db.$sql.rows(staffAccess, claims.sub);
      if (!user || user.disabled) throw unauthorized("Account is disabled");
      if (!allowed.includes(user.platformRole)) throw forbidden();
    };

  return {
    user: async (req) => {
      const portal = portalSchema.safeParse(req.headers["x-portal"]);
      await authenticate(req, portal.success ? portal.data : undefined);
    },
    tenant: async (req) => {
      const claims = await authenticate(req, "dashboard");
      if (claims.kind !== "tenant") throw forbidden("This route is for workspace members");
      const [member] = await db.$sql.rows(memberAccess, claims.tenantId, claims.sub);
      if (!member || member.disabled) throw forbidden("You are not a member of this workspace");
      if (member.status === "suspended") throw new AppError(403, "TENANT_SUSPENDED", "This workspace is suspended");
      const roles = req.routeOptions.config.tenantRoles;
      if (roles && !roles.includes(member.role)) throw forbidden(`Requires the ${roles.join(" or ")} role`);
      req.tenant = {
        tenantId: claims.tenantId,
        userId: claims.sub,
        role: member.role,
        db: forTenant(db, claims.tenantId),
      };
    },
    dm: staff(["dm_reviewer", "super_admin"], "dm"),
    admin: staff(["super_admin"], "manage"),
  };
}

/**
 * Puts every route of a router plugin behind one guard. The guard runs on `onRequest`, before
 * the body is parsed or validated, so an anonymous caller learns nothing but 401.
 */
export function protect(app: FastifyInstance, name: GuardName, check: Check): void {
  app.addHook("onRoute", (route) => {
    route.config = { ...(route.config as object), guard: name } as typeof route.config;
    route.schema = { ...route.schema, security: [{ bearerAuth: [] }] } as typeof route.schema;
  });
  app.addHook("onRequest", check);
}

/** For handlers behind the tenant guard. */
export function tenantOf(req: FastifyRequest): TenantContext {
  if (!req.tenant) throw new Error("tenantOf() called outside a tenant-guarded route");
  return req.tenant;
}

export function authOf(req: FastifyRequest): AccessClaims {
  if (!req.auth) throw new Error("authOf() called outside a guarded route");
  return req.auth;
}
