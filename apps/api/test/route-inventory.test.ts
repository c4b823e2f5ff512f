import { randomUUID } from "node:crypto";
import { createTokenSigner } from "@leadmetrics/auth";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, TEST_JWT_SECRET, type TestApp } from "./helpers";

let t: TestApp;
let guarded: { method: string; url: string; guard: string | null }[];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  guarded = t.app.routeInventory().filter((r) => !r.public);

  // A real session for each kind of caller, so only the token's defect can cause the 401.
  const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  const claims = {
    kind: "tenant" as const,
    sub: owner.session.userId,
    tenantId: owner.session.tenantId!,
    role: "owner" as const,
    appAccess: ["dashboard" as const],
    fid: randomUUID(),
  };
  tokens.expired = (
    await createTokenSigner({ secret: TEST_JWT_SECRET, accessTtlSeconds: -60 }).signAccess(claims)
  ).token;
  tokens.forged = (
    await createTokenSigner({
      secret: "another-secret-of-the-same-length-000000000",
      accessTtlSeconds: 900,
    }).signAccess(claims)
  ).token;
  const revoked = await t.login(DEMO_ACCOUNTS.acmeOwner);
  await t.app.inject({ method: "POST", url: "/auth/v1/logout", headers: bearer(revoked.accessToken), payload: {} });
  tokens.revoked = revoked.accessToken;
  tokens.malformed = "not-a-jwt";
});
afterAll(() => t.close());

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID());

describe("route inventory", () => {
  it("covers every router, and every non-public route has a guard", () => {
    const guards = new Set(guarded.map((r) => r.guard));
    expect([...guards].sort()).toEqual(["admin", "dm", "metrics", "tenant", "user"]);
    expect(guarded.every((r) => r.guard !== null)).toBe(true);
    expect(guarded.length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ["no token", () => ({})],
    ["an expired token", () => bearer(tokens.expired!)],
    ["a token signed with another secret", () => bearer(tokens.forged!)],
    ["a revoked token", () => bearer(tokens.revoked!)],
    ["a malformed token", () => bearer(tokens.malformed!)],
  ])("every guarded route answers 401 with %s", async (_label, headers) => {
    const failures: string[] = [];
    for (const route of guarded) {
      const res = await t.app.inject({
        method: route.method as "GET",
        url: fill(route.url),
        headers: headers(),
        payload: route.method === "GET" || route.method === "DELETE" ? undefined : {},
      });
      if (res.statusCode !== 401) failures.push(`${route.method} ${route.url} → ${res.statusCode}`);
      else expect(["UNAUTHORIZED", "TOKEN_EXPIRED"]).toContain(errorOf(res).code);
    }
    expect(failures).toEqual([]);
  });

  it("tells an expired token apart, so clients know to refresh", async () => {
    const res = await t.app.inject({ method: "GET", url: "/tenant/v1/members", headers: bearer(tokens.expired!) });
    expect(errorOf(res).code).toBe("TOKEN_EXPIRED");
  });
});

describe("role checks", () => {
  it("a client cannot reach /dm/v1 or /admin/v1; a reviewer cannot reach /admin/v1 or /tenant/v1", async () => {
    const client = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const admin = await t.login(DEMO_ACCOUNTS.superAdmin);
    const get = (url: string, token: string) => t.app.inject({ method: "GET", url, headers: bearer(token) });
    expect((await get("/dm/v1/tenants", client.accessToken)).statusCode).toBe(403);
    expect((await get("/admin/v1/tenants", client.accessToken)).statusCode).toBe(403);
    expect((await get("/admin/v1/tenants", reviewer.accessToken)).statusCode).toBe(403);
    expect((await get("/tenant/v1/members", reviewer.accessToken)).statusCode).toBe(403);
    expect((await get("/dm/v1/tenants", reviewer.accessToken)).statusCode).toBe(200);
    expect((await get("/dm/v1/tenants", admin.accessToken)).statusCode).toBe(200);
    expect((await get("/admin/v1/tenants", admin.accessToken)).statusCode).toBe(200);
  });

  it("a demoted reviewer loses access at once, not when the token expires", async () => {
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    await t.db.user.update({ where: { email: DEMO_ACCOUNTS.reviewer }, data: { platformRole: "none" } });
    try {
      const res = await t.app.inject({ method: "GET", url: "/dm/v1/tenants", headers: bearer(reviewer.accessToken) });
      expect(res.statusCode).toBe(403);
    } finally {
      await t.db.user.update({ where: { email: DEMO_ACCOUNTS.reviewer }, data: { platformRole: "dm_reviewer" } });
    }
  });
});
