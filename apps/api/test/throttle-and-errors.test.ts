import { DEMO_ACCOUNTS, DEFAULT_DEMO_PASSWORD as DEMO_PASSWORD } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, nextIp, type TestApp } from "./helpers";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: "POST", url: "/auth/v1/login", remoteAddress, payload: { email, password } });

describe("login throttle", () => {
  it("answers the 11th login from one IP within a minute with 429 in the uniform shape", async () => {
    const ip = nextIp();
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await login(`nobody-${i}@example.test`, "wrong-password", ip)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(codes[10]).toBe(429);
    const res = await login("nobody@example.test", "wrong-password", ip);
    expect(res.statusCode).toBe(429);
    const err = errorOf(res);
    expect(err.code).toBe("RATE_LIMITED");
    expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login(DEMO_ACCOUNTS.reviewer, DEMO_PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it("locks an account for 15 minutes after 10 failures, whatever the addresses, even for the right password", async () => {
    const email = DEMO_ACCOUNTS.globexOwner;
    for (let i = 0; i < 10; i++) expect((await login(email, "wrong-password", nextIp())).statusCode).toBe(401);
    const locked = await login(email, DEMO_PASSWORD, nextIp());
    expect(locked.statusCode).toBe(429);
    expect(errorOf(locked).code).toBe("ACCOUNT_LOCKED");
    const retryAfter = Number(locked.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other accounts still log in.
    expect((await login(DEMO_ACCOUNTS.acmeOwner, DEMO_PASSWORD, nextIp())).statusCode).toBe(200);
  });

  it("a successful login clears the failure count", async () => {
    const email = DEMO_ACCOUNTS.acmeOwner;
    for (let i = 0; i < 9; i++) await login(email, "wrong-password", nextIp());
    expect((await login(email, DEMO_PASSWORD, nextIp())).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) await login(email, "wrong-password", nextIp());
    expect((await login(email, DEMO_PASSWORD, nextIp())).statusCode).toBe(200);
  });
});

describe("errors", () => {
  it("validation errors have the uniform shape and name the fields", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      remoteAddress: nextIp(),
      payload: { email: "not-an-email", extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe("VALIDATION_ERROR");
    const paths = (err.details as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["body.email", "body.password"]));
  });

  it("hides validation internals in production, keeps the field list", async () => {
    const prod = await createTestApp({ NODE_ENV: "production", COOKIE_SECURE: "true" });
    try {
      const res = await prod.app.inject({
        method: "POST",
        url: "/auth/v1/login",
        remoteAddress: nextIp(),
        payload: { email: 5 },
      });
      const err = errorOf(res);
      expect(err.message).toBe("Request validation failed");
      expect(JSON.stringify(err)).not.toMatch(/zod|instancePath|schemaPath|\/work\//i);
    } finally {
      await prod.close();
    }
  });

  it("malformed JSON, a wrong content type, an unknown route and a huge body all answer in the uniform shape", async () => {
    const cases = await Promise.all([
      t.app.inject({
        method: "POST",
        url: "/auth/v1/login",
        remoteAddress: nextIp(),
        headers: { "content-type": "application/json" },
        payload: "{nope",
      }),
      t.app.inject({
        method: "POST",
        url: "/auth/v1/login",
        remoteAddress: nextIp(),
        headers: { "content-type": "text/xml" },
        payload: "<a/>",
      }),
      t.app.inject({ method: "GET", url: "/nowhere" }),
      t.app.inject({
        method: "POST",
        url: "/auth/v1/login",
        remoteAddress: nextIp(),
        headers: { "content-type": "application/json" },
        payload: `{"email":"${"a".repeat(2 * 1024 * 1024)}"}`,
      }),
    ]);
    expect(cases.map((r) => r.statusCode)).toEqual([400, 415, 404, 413]);
    expect(cases.map((r) => errorOf(r).code)).toEqual([
      "INVALID_BODY",
      "UNSUPPORTED_MEDIA_TYPE",
      "NOT_FOUND",
      "PAYLOAD_TOO_LARGE",
    ]);
  });

  it("a cross-tenant or unknown id is a 404, never another tenant's row", async () => {
    const acme = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const globexOwner = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.globexOwner } });
    const res = await t.app.inject({
      method: "PATCH",
      url: `/tenant/v1/members/${globexOwner.id}`,
      headers: bearer(acme.accessToken),
      payload: { role: "member" },
    });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe("NOT_FOUND");
    const still = await t.db.tenantMember.findFirstOrThrow({ where: { userId: globexOwner.id } });
    expect(still.role).toBe("owner");
  });
});

describe("request ids", () => {
  it("echoes a valid x-request-id, generates one otherwise, and logs it on the request's lines", async () => {
    const given = await t.app.inject({ method: "GET", url: "/nowhere", headers: { "x-request-id": "trace-abc-123" } });
    expect(given.headers["x-request-id"]).toBe("trace-abc-123");
    expect(t.logs.some((l) => l.requestId === "trace-abc-123")).toBe(true);
    const bad = await t.app.inject({
      method: "GET",
      url: "/nowhere",
      headers: { "x-request-id": "bad id with spaces\n" },
    });
    expect(bad.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("never logs passwords or tokens", async () => {
    await t.login(DEMO_ACCOUNTS.reviewer);
    const text = JSON.stringify(t.logs);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/eyJhbGciOi/);
  });
});
