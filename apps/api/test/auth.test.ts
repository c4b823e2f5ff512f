import { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, nextIp, PORTAL_ORIGIN, type TestApp } from "./helpers";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (token: string) => t.app.inject({ method: "GET", url: "/auth/v1/me", headers: bearer(token) });
const refresh = (refreshToken: string) =>
  t.app.inject({ method: "POST", url: "/auth/v1/refresh", remoteAddress: nextIp(), payload: { refreshToken } });

describe("login", () => {
  it("issues an access token with the tenant claims and a refresh token", async () => {
    const res = await t.login(DEMO_ACCOUNTS.acmeOwner);
    expect(res.session).toMatchObject({ kind: "tenant", role: "owner", appAccess: ["dashboard"] });
    expect(res.session.tenantId).toMatch(/^[0-9a-f-]{36}$/);
    const payload = JSON.parse(Buffer.from(res.accessToken.split(".")[1]!, "base64url").toString());
    expect(payload).toMatchObject({
      sub: res.session.userId,
      tenantId: res.session.tenantId,
      role: "owner",
      appAccess: ["dashboard"],
    });
    expect(payload.jti).toBeTypeOf("string");
    expect(payload.exp - payload.iat).toBe(15 * 60);
    const who = await me(res.accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json().user.email).toBe(DEMO_ACCOUNTS.acmeOwner);
  });

  it("sets httpOnly SameSite=Lax cookies named after the portal when one is named", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.reviewer, password: DEMO_PASSWORD, portal: "dm" },
    });
    expect(res.statusCode).toBe(200);
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c]));
    expect(Object.keys(cookies).sort()).toEqual(["dm_access_token", "dm_refresh_token"]);
    expect(cookies.dm_access_token).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(res.json().session).toMatchObject({ kind: "staff", role: "dm_reviewer", tenantId: null });
  });

  it("refuses a portal the account has no access to", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.acmeOwner, password: DEMO_PASSWORD, portal: "manage" },
    });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe("FORBIDDEN");
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const wrong = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.globexOwner, password: "not-the-password" },
    });
    const unknown = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: "nobody@nowhere.test", password: "not-the-password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorOf(wrong)).toEqual(errorOf(unknown));
  });
});

describe("refresh rotation", () => {
  it("rotates: a refresh token works once, and its reuse revokes the whole family", async () => {
    const first = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const second = await refresh(first.refreshToken);
    expect(second.statusCode).toBe(200);
    const rotated = second.json();
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect((await me(rotated.accessToken)).statusCode).toBe(200);

    // The spent token comes back: treated as stolen.
    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay).code).toBe("UNAUTHORIZED");
    // ...and the legitimate newer token of that family is dead too.
    const afterReuse = await refresh(rotated.refreshToken);
    expect(afterReuse.statusCode).toBe(401);
  });

  it("of two concurrent refreshes with one token, exactly one succeeds", async () => {
    const session = await t.login(DEMO_ACCOUNTS.globexOwner);
    const results = await Promise.all([refresh(session.refreshToken), refresh(session.refreshToken)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it("refreshes from the portal cookie when the body carries no token", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.acmeOwner, password: DEMO_PASSWORD, portal: "dashboard" },
    });
    const cookie = login.cookies.find((c) => c.name === "dashboard_refresh_token")!;
    const res = await t.app.inject({
      method: "POST",
      url: "/auth/v1/refresh",
      remoteAddress: nextIp(),
      cookies: { dashboard_refresh_token: cookie.value },
      payload: { portal: "dashboard" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.map((c) => c.name).sort()).toEqual(["dashboard_access_token", "dashboard_refresh_token"]);
  });
});

describe("logout", () => {
  it("revokes the access token at once and the refresh family", async () => {
    const s = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const out = await t.app.inject({
      method: "POST",
      url: "/auth/v1/logout",
      headers: bearer(s.accessToken),
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    const after = await me(s.accessToken);
    expect(after.statusCode).toBe(401);
    expect(errorOf(after).message).toMatch(/revoked/i);
    expect((await refresh(s.refreshToken)).statusCode).toBe(401);
  });

  it("logout-all ends every session of the user, and a new login works right after", async () => {
    const a = await t.login(DEMO_ACCOUNTS.globexOwner);
    const b = await t.login(DEMO_ACCOUNTS.globexOwner);
    const out = await t.app.inject({
      method: "POST",
      url: "/auth/v1/logout-all",
      headers: bearer(a.accessToken),
      payload: {},
    });
    expect(out.statusCode).toBe(200);
    expect((await me(a.accessToken)).statusCode).toBe(401);
    expect((await me(b.accessToken)).statusCode).toBe(401);
    expect((await refresh(b.refreshToken)).statusCode).toBe(401);
    const fresh = await t.login(DEMO_ACCOUNTS.globexOwner);
    expect((await me(fresh.accessToken)).statusCode).toBe(200);
    const audit = await t.db.auditLog.findFirst({ where: { action: "user.logout_all", actorId: a.session.userId } });
    expect(audit?.requestId).toBeTruthy();
  });
});

describe("cookie sessions and cross-site requests", () => {
  it("refuses a state-changing cookie request from a foreign origin, accepts it from a portal", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: DEMO_ACCOUNTS.acmeOwner, password: DEMO_PASSWORD, portal: "dashboard" },
    });
    const access = login.cookies.find((c) => c.name === "dashboard_access_token")!.value;
    const invite = (origin: string) =>
      t.app.inject({
        method: "POST",
        url: "/tenant/v1/members",
        cookies: { dashboard_access_token: access },
        headers: { origin },
        payload: { email: `csrf-${origin.length}@acme.test`, name: "Csrf Test" },
      });
    const evil = await invite("https://evil.example");
    expect(evil.statusCode).toBe(403);
    expect(await t.db.user.findUnique({ where: { email: "csrf-20@acme.test" } })).toBeNull();
    expect((await invite(PORTAL_ORIGIN)).statusCode).toBe(201);
  });
});
