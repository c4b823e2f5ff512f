import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { cookieNames } from "@leadmetrics/auth/edge";
import { createSecretBox } from "@leadmetrics/crypto";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createPortalProxy } from "@leadmetrics/middleware";
import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { createTestDatabase, uniqueKeyPrefix } from "@leadmetrics/testing";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resealChannelSecrets } from "../src/lib/reseal-channel-secrets";
import { bearer, createTestApp, errorOf, TEST_JWT_SECRET, type TestApp } from "./helpers";

const NEW_JWT_SECRET = "the-next-jwt-secret-also-at-least-32-characters";
const key = () => randomBytes(32).toString("base64");
const open: TestApp[] = [];
afterAll(() => Promise.all(open.map((t) => t.close())));

/** Instances of the API on one database and one Redis keyspace, as across a rolling restart. */
async function deployment() {
  const databaseUrl = await createTestDatabase();
  const redisKeyPrefix = uniqueKeyPrefix();
  return async (env: Record<string, string>) => {
    const t = await createTestApp(env, { databaseUrl, redisKeyPrefix });
    open.push(t);
    return t;
  };
}

describe("rotating JWT_SECRET", () => {
  it("tokens of the old secret keep working while it is JWT_SECRET_PREVIOUS, and stop once it is gone", async () => {
    const start = await deployment();
    const before = await start({ JWT_SECRET: TEST_JWT_SECRET });
    const old = await before.login(DEMO_ACCOUNTS.acmeOwner, { portal: "dashboard" });

    const during = await start({ JWT_SECRET: NEW_JWT_SECRET, JWT_SECRET_PREVIOUS: TEST_JWT_SECRET });
    const members = (t: TestApp, token: string) =>
      t.app.inject({ method: "GET", url: "/tenant/v1/members", headers: bearer(token) });
    expect((await members(during, old.accessToken)).statusCode).toBe(200);
    // New tokens are signed with the new secret only: the instance still on the old one refuses them.
    const fresh = await during.login(DEMO_ACCOUNTS.acmeOwner, { portal: "dashboard" });
    expect((await members(before, fresh.accessToken)).statusCode).toBe(401);
    // Refresh tokens are opaque rows, not signed: a refresh moves a session onto the new secret.
    const refreshed = await during.app.inject({
      method: "POST",
      url: "/auth/v1/refresh",
      payload: { refreshToken: old.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);

    // The portals' proxies verify cookies locally with the same pair of secrets.
    const page = (token: string) =>
      new NextRequest("http://localhost:3000/activities", {
        headers: { cookie: `${cookieNames("dashboard").access}=${token}` },
      });
    const passes = async (proxy: ReturnType<typeof createPortalProxy>, token: string) =>
      (await proxy(page(token))).headers.get("x-middleware-next") === "1";
    const rotating = createPortalProxy("dashboard", {
      JWT_SECRET: NEW_JWT_SECRET,
      JWT_SECRET_PREVIOUS: TEST_JWT_SECRET,
      API_URL: "http://127.0.0.1:9",
    });
    expect(await passes(rotating, old.accessToken)).toBe(true);
    expect(await passes(rotating, fresh.accessToken)).toBe(true);

    const after = await start({ JWT_SECRET: NEW_JWT_SECRET });
    const res = await members(after, old.accessToken);
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe("UNAUTHORIZED");
    expect((await members(after, fresh.accessToken)).statusCode).toBe(200);
    expect((await members(after, (refreshed.json() as { accessToken: string }).accessToken)).statusCode).toBe(200);
    const rotated = createPortalProxy("dashboard", { JWT_SECRET: NEW_JWT_SECRET, API_URL: "http://127.0.0.1:9" });
    expect(await passes(rotated, old.accessToken)).toBe(false);
  });
});

describe("rotating CHANNEL_SECRETS_KEY", () => {
  // Connecting checks the credentials at the site: a local one where the editor holds one password per blog.
  let wp: FakeWordPress;
  beforeAll(async () => {
    wp = await startFakeWordPress({
      username: "editor",
      applicationPassword: [1, 2, 3, 4, 5].map((n) => `app-password-${n}`),
    });
  });
  afterAll(() => wp.close());
  const connect = async (t: TestApp, token: string, n: number) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/tenant/v1/channels/wordpress",
      headers: bearer(token),
      payload: {
        name: `Blog ${n}`,
        siteUrl: `${wp.url}/blog${n}`,
        username: "editor",
        applicationPassword: `app-password-${n}`,
      },
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const sealedOf = async (t: TestApp) =>
    new Map(
      (await t.db.connectedChannel.findMany({ select: { id: true, credentialsEncrypted: true } })).map((r) => [
        r.id,
        r.credentialsEncrypted,
      ]),
    );

  it("credentials sealed under the old key stay readable during the rotation, and the reseal moves them all to the new key", async () => {
    const [oldKey, newKey] = [key(), key()];
    const start = await deployment();
    const before = await start({ CHANNEL_SECRETS_KEY: oldKey });
    const acme = (await before.login(DEMO_ACCOUNTS.acmeOwner)).accessToken;
    const globex = (await before.login(DEMO_ACCOUNTS.globexOwner)).accessToken;
    const ids = [await connect(before, acme, 1), await connect(before, acme, 2), await connect(before, globex, 3)];

    // Mid-rotation: the new key seals, the old one still opens.
    const during = await start({ CHANNEL_SECRETS_KEY: newKey, CHANNEL_SECRETS_PREVIOUS_KEYS: oldKey });
    const sealedDuring = await connect(during, globex, 4);
    const box = createSecretBox(newKey, [oldKey]);
    const sealed = await sealedOf(during);
    expect(ids.map((id) => box.decrypt(sealed.get(id)!))).toEqual([
      "app-password-1",
      "app-password-2",
      "app-password-3",
    ]);
    expect(ids.map((id) => box.isCurrent(sealed.get(id)!))).toEqual([false, false, false]);
    expect(box.isCurrent(sealed.get(sealedDuring)!)).toBe(true);

    // A credential no configured key opens is reported and left alone.
    const stray = await during.db.connectedChannel.update({
      where: { id: ids[2]! },
      data: { credentialsEncrypted: createSecretBox(key()).encrypt("lost") },
    });

    const result = await resealChannelSecrets(during.db, box, 2);
    expect(result).toEqual({ resealed: 2, current: 1, unreadable: [{ id: ids[2], tenantId: stray.tenantId }] });
    const after = await sealedOf(during);
    const onlyNew = createSecretBox(newKey);
    expect([ids[0], ids[1], sealedDuring].map((id) => onlyNew.decrypt(after.get(id!)!))).toEqual([
      "app-password-1",
      "app-password-2",
      "app-password-4",
    ]);
    expect(after.get(ids[2]!)).toBe(stray.credentialsEncrypted);
    expect(() => createSecretBox(oldKey).decrypt(after.get(ids[0]!)!)).toThrow(/could not be decrypted/);
    const audit = await during.db.auditLog.findMany({ where: { action: "channel.credentials_resealed" } });
    expect(audit.map((a) => a.metadata)).toEqual([{ channels: 2 }]);

    // Running it again changes nothing.
    expect(await resealChannelSecrets(during.db, box)).toEqual({
      resealed: 0,
      current: 3,
      unreadable: [{ id: ids[2], tenantId: stray.tenantId }],
    });
    expect(await sealedOf(during)).toEqual(after);
  });

  it("`pnpm secrets:reseal` runs it from the environment, and exits 1 while a credential is unreadable", async () => {
    const [oldKey, newKey] = [key(), key()];
    const start = await deployment();
    const before = await start({ CHANNEL_SECRETS_KEY: oldKey });
    const id = await connect(before, (await before.login(DEMO_ACCOUNTS.acmeOwner)).accessToken, 5);
    const run = (env: Record<string, string>) =>
      promisify(execFile)("node", ["--import", "tsx", "scripts/reseal-channel-secrets.ts"], {
        cwd: new URL("..", import.meta.url).pathname,
        env: {
          PATH: process.env.PATH!,
          DATABASE_URL: before.config.DATABASE_URL,
          REDIS_URL: before.config.REDIS_URL,
          JWT_SECRET: TEST_JWT_SECRET,
          ...env,
        },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );

    const ok = await run({ CHANNEL_SECRETS_KEY: newKey, CHANNEL_SECRETS_PREVIOUS_KEYS: oldKey });
    expect(ok).toEqual({
      code: 0,
      out: "channel credentials: 1 resealed, 0 already under the current key, 0 unreadable\n",
    });
    const row = await before.db.connectedChannel.findUniqueOrThrow({ where: { id } });
    expect(createSecretBox(newKey).decrypt(row.credentialsEncrypted)).toBe("app-password-5");

    const lost = await run({ CHANNEL_SECRETS_KEY: key() });
    expect(lost.code).toBe(1);
    expect(lost.out).toContain(`unreadable: channel ${id}`);
  });
});
