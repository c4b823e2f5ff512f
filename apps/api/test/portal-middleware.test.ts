import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createTokenSigner } from "@leadmetrics/auth";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { freePort } from "@leadmetrics/local-services";
import { createJwtAuthMiddleware } from "@leadmetrics/middleware";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, nextIp, TEST_JWT_SECRET, type TestApp } from "./helpers";

let t: TestApp;
let apiUrl: string;
beforeAll(async () => {
  t = await createTestApp();
  apiUrl = await t.app.listen({ host: "127.0.0.1", port: 0 });
});
afterAll(() => t.close());

const middleware = (url = apiUrl) =>
  createJwtAuthMiddleware({ portal: "dashboard", apiUrl: url, jwtSecret: TEST_JWT_SECRET, cookies: { secure: false } });
const request = (path: string, cookies: Record<string, string>) =>
  new NextRequest(`http://localhost:3000${path}`, {
    headers: {
      cookie: Object.entries(cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join("; "),
    },
  });
const passedThrough = (res: Response) => res.headers.get("x-middleware-next") === "1";

async function dashboardSession() {
  const res = await t.app.inject({
    method: "POST",
    url: "/auth/v1/login",
    remoteAddress: nextIp(),
    payload: { email: DEMO_ACCOUNTS.acmeOwner, password: DEFAULT_DEMO_PASSWORD, portal: "dashboard" },
  });
  const json = res.json() as {
    accessToken: string;
    refreshToken: string;
    session: { userId: string; tenantId: string };
  };
  const expired = await createTokenSigner({ secret: TEST_JWT_SECRET, accessTtlSeconds: -30 }).signAccess({
    kind: "tenant",
    sub: json.session.userId,
    tenantId: json.session.tenantId,
    role: "owner",
    appAccess: ["dashboard"],
    fid: randomUUID(),
  });
  return { ...json, expiredAccess: expired.token };
}

describe("portal middleware", () => {
  it("lets a valid access cookie through without calling the API", async () => {
    const s = await dashboardSession();
    const res = await middleware("http://127.0.0.1:1")(
      request("/activities", { dashboard_access_token: s.accessToken }),
    );
    expect(passedThrough(res)).toBe(true);
  });

  it("refreshes an expired access token silently: the user stays on the page with new cookies", async () => {
    const s = await dashboardSession();
    const res = await middleware()(
      request("/activities", { dashboard_access_token: s.expiredAccess, dashboard_refresh_token: s.refreshToken }),
    );
    expect(passedThrough(res)).toBe(true);
    const newAccess = res.cookies.get("dashboard_access_token")!.value;
    expect(newAccess).not.toBe(s.expiredAccess);
    expect(res.cookies.get("dashboard_refresh_token")!.value).not.toBe(s.refreshToken);
    // This same request now carries the new token for the page's server-side API calls.
    expect(res.headers.get("x-middleware-request-cookie")).toContain(newAccess);
    expect((await t.app.inject({ method: "GET", url: "/auth/v1/me", headers: bearer(newAccess) })).statusCode).toBe(
      200,
    );
  });

  it("sends the user to /login when the refresh token is refused (after logout it no longer works)", async () => {
    const s = await dashboardSession();
    await t.app.inject({ method: "POST", url: "/auth/v1/logout", headers: bearer(s.accessToken), payload: {} });
    const res = await middleware()(
      request("/activities?tab=review", {
        dashboard_access_token: s.expiredAccess,
        dashboard_refresh_token: s.refreshToken,
      }),
    );
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/login");
    expect(to.searchParams.get("next")).toBe("/activities?tab=review");
    expect(res.cookies.get("dashboard_access_token")?.value).toBe("");
  });

  it("does not log anyone out while the API is down or failing", async () => {
    const s = await dashboardSession();
    const down = await middleware(`http://127.0.0.1:${await freePort()}`)(
      request("/activities", { dashboard_access_token: s.expiredAccess, dashboard_refresh_token: s.refreshToken }),
    );
    expect(passedThrough(down)).toBe(true);
    const failing = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => failing.listen(0, "127.0.0.1", r));
    try {
      const res = await middleware(`http://127.0.0.1:${(failing.address() as AddressInfo).port}`)(
        request("/activities", { dashboard_access_token: s.expiredAccess, dashboard_refresh_token: s.refreshToken }),
      );
      expect(passedThrough(res)).toBe(true);
    } finally {
      failing.close();
    }
  });

  it("redirects without a session, refuses another portal's token, and leaves public pages open", async () => {
    const none = await middleware()(request("/plans", {}));
    expect(new URL(none.headers.get("location")!).pathname).toBe("/login");
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer, { portal: "dm" });
    const wrongPortal = await middleware()(request("/plans", { dashboard_access_token: reviewer.accessToken }));
    expect(new URL(wrongPortal.headers.get("location")!).searchParams.get("reason")).toBe("no_access");
    expect(passedThrough(await middleware()(request("/login", {})))).toBe(true);
    expect(passedThrough(await middleware()(request("/_next/static/app.js", {})))).toBe(true);
    // The portal's icon, asked for on the sign-in page too.
    expect(passedThrough(await middleware()(request("/icon.svg", {})))).toBe(true);
  });

  it("puts the security headers on every answer: passed through, refreshed, sent to login, public", async () => {
    const s = await dashboardSession();
    const answers = [
      await middleware("http://127.0.0.1:1")(request("/activities", { dashboard_access_token: s.accessToken })),
      await middleware()(
        request("/activities", { dashboard_access_token: s.expiredAccess, dashboard_refresh_token: s.refreshToken }),
      ),
      await middleware()(request("/plans", {})),
      await middleware()(request("/login", {})),
    ];
    for (const res of answers) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      // HSTS only where the portal is served over HTTPS (secure cookies).
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
    const https = createJwtAuthMiddleware({
      portal: "dashboard",
      apiUrl,
      jwtSecret: TEST_JWT_SECRET,
      cookies: { secure: true },
    });
    expect((await https(request("/login", {}))).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });
});
