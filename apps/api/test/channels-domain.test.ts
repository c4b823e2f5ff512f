import { randomBytes, randomUUID } from "node:crypto";
import { createSecretBox } from "@leadmetrics/crypto";
import { createDb, type Db, forTenant, type TenantDb, UNREADABLE_CHANNEL_PASSWORD } from "@leadmetrics/db";
import { createOutboundFetch } from "@leadmetrics/provider-core";
import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { createTestDatabase } from "@leadmetrics/testing";
import { type FakeHttpServer, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChannelActor,
  type ConnectChannelDeps,
  connectWordpressChannel,
  listChannels,
  removeChannel,
  type TestChannelDeps,
  testChannel,
} from "../src/domain/channels";

// The channels' domain functions without HTTP, on a real database, checking credentials against a
// local server speaking WordPress's REST wire format; DNS answers are given by the test.
const secrets = createSecretBox(randomBytes(32).toString("base64"));
const PASSWORD = "abcd efgh ijkl";
let db: Db;
let tdb: TenantDb;
let wp: FakeWordPress;
let subscriberSite: FakeWordPress;
let notWordPress: FakeHttpServer;
/** Public addresses only, as in production: the URL checks refuse before any request. */
let strict: ConnectChannelDeps;
/** The local sites of the test. */
let local: ConnectChannelDeps;
/** "Test connection" opens the stored password. */
let tester: TestChannelDeps;
let actor: ChannelActor;
let otherTenantId: string;

const answers: Record<string, string[]> = { "blog.example.test": ["93.184.216.34"], "intranet.test": ["10.0.0.7"] };
const resolve = async (host: string) => {
  if (host === "flaky.test") throw Object.assign(new Error("timeout"), { code: "ETIMEOUT" });
  const found = answers[host];
  if (!found) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return found;
};
const site = (siteUrl: string, over: { username?: string; applicationPassword?: string } = {}) => ({
  name: "Company blog",
  siteUrl,
  username: "editor",
  applicationPassword: PASSWORD,
  ...over,
});
/** Everything a refused call must leave as it was. */
const snapshot = async () => ({
  channels: await db.connectedChannel.findMany({ orderBy: { id: "asc" } }),
  audit: await db.auditLog.count(),
});

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  const owner = await db.tenantMember.findFirstOrThrow({ where: { tenantId: tenant.id, role: "owner" } });
  otherTenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
  tdb = forTenant(db, tenant.id);
  wp = await startFakeWordPress({
    username: "editor",
    applicationPassword: PASSWORD,
    siteName: "Acme Journal",
    displayName: "Eve Editor",
  });
  subscriberSite = await startFakeWordPress({
    username: "editor",
    applicationPassword: PASSWORD,
    roles: ["subscriber"],
  });
  notWordPress = await startFakeHttpServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><h1>Coming soon</h1>");
  });
  strict = { tdb, secrets, allowPrivateUrls: false, resolve, fetch: createOutboundFetch({ allowPrivate: false }) };
  local = { ...strict, allowPrivateUrls: true, fetch: createOutboundFetch({ allowPrivate: true }) };
  tester = { tdb, secrets, fetch: local.fetch, providers: {} };
  actor = { tenantId: tenant.id, userId: owner.userId, requestId: "req-channels" };
});
afterAll(async () => {
  await Promise.all([wp.close(), subscriberSite.close(), notWordPress.close()]);
  await db.$disconnect();
});

describe("connectWordpressChannel", () => {
  it("checks the credentials at the site, then stores it with what it found, the password sealed, and an audit row", async () => {
    const before = Date.now();
    const channel = await connectWordpressChannel(local, actor, site(`${wp.url}/`));
    expect(channel).toMatchObject({
      kind: "wordpress",
      name: "Company blog",
      siteUrl: wp.url,
      siteName: "Acme Journal",
      accountName: "Eve Editor",
      accountRoles: ["editor"],
      lastCheckOk: true,
      lastError: null,
      lastPublishedAt: null,
    });
    expect(channel.lastCheckedAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(wp.requests.map((r) => [r.path, r.authorized])).toEqual([
      ["/wp-json/wp/v2/users/me?context=edit", true],
      ["/wp-json/", false],
    ]);
    expect(channel).not.toHaveProperty("credentialsEncrypted");
    const stored = await db.connectedChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(stored.credentialsEncrypted).not.toContain("abcd");
    expect(secrets.decrypt(stored.credentialsEncrypted)).toBe(PASSWORD);
    expect(
      await db.auditLog.findMany({
        where: { targetId: channel.id },
        select: { tenantId: true, actorId: true, action: true, requestId: true, metadata: true },
      }),
    ).toEqual([
      {
        tenantId: actor.tenantId,
        actorId: actor.userId,
        action: "channel.connected",
        requestId: "req-channels",
        metadata: { kind: "wordpress", siteUrl: wp.url },
      },
    ]);
    expect((await listChannels(tdb)).map((c) => c.id)).toContain(channel.id);
    expect((await listChannels(tdb)).every((c) => !("credentialsEncrypted" in c))).toBe(true);
  });

  it("refuses what the site refuses (422, the reason in plain words, the field to fix); nothing is stored", async () => {
    const before = await snapshot();
    const host = new URL(wp.url).host;
    const refused = (siteUrl: string, over = {}) => connectWordpressChannel(local, actor, site(siteUrl, over));
    await expect(
      refused(`${wp.url}/wrong-password`, { applicationPassword: "not the password" }),
    ).rejects.toMatchObject({
      statusCode: 422,
      code: "CHANNEL_CHECK_FAILED",
      message: `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`,
      details: {
        reason: "bad_password",
        retryable: false,
        fields: [{ path: "body.applicationPassword", message: expect.stringContaining("refused the password") }],
      },
    });
    await expect(refused(`${wp.url}/who`, { username: "nobody" })).rejects.toMatchObject({
      statusCode: 422,
      details: { reason: "unknown_user", fields: [{ path: "body.username" }] },
    });
    await expect(refused(subscriberSite.url)).rejects.toMatchObject({
      statusCode: 422,
      message: `WordPress at ${new URL(subscriberSite.url).host} does not let the user “editor” publish posts: give the user the Author, Editor or Administrator role, then try again.`,
      details: { reason: "cannot_publish", fields: [{ path: "body.username" }] },
    });
    await expect(refused(notWordPress.url)).rejects.toMatchObject({
      statusCode: 422,
      details: { reason: "not_wordpress", fields: [{ path: "body.siteUrl" }] },
    });
    const down = await unusedLocalUrl();
    await expect(refused(down)).rejects.toMatchObject({
      statusCode: 422,
      message: `WordPress at ${new URL(down).host} could not be reached: check that the site is online, then try again.`,
      details: { reason: "unreachable", retryable: true, fields: [{ path: "body.siteUrl" }] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a site already connected (409) without asking it again", async () => {
    const asked = wp.requests.length;
    const before = await snapshot();
    await expect(connectWordpressChannel(local, actor, site(wp.url))).rejects.toMatchObject({
      statusCode: 409,
      code: "CONFLICT",
    });
    expect(wp.requests.length).toBe(asked);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a URL the platform may not call (400) and one DNS could not look up (503), without a request", async () => {
    const before = await snapshot();
    const refused = (siteUrl: string) => connectWordpressChannel(strict, actor, site(siteUrl));
    await expect(refused("not a url")).rejects.toMatchObject({
      statusCode: 400,
      code: "VALIDATION_ERROR",
      message: "siteUrl is not a URL",
      details: { fields: [{ path: "body.siteUrl", message: "is not a URL" }] },
    });
    await expect(refused("ftp://blog.example.test")).rejects.toMatchObject({ statusCode: 400 });
    await expect(refused("https://user:pw@blog.example.test")).rejects.toMatchObject({ statusCode: 400 });
    await expect(refused("http://127.0.0.1:8080")).rejects.toMatchObject({
      statusCode: 400,
      message: "siteUrl must be a public address",
    });
    await expect(refused("https://intranet.test")).rejects.toMatchObject({
      statusCode: 400,
      message: "siteUrl must be a public address (intranet.test resolves to 10.0.0.7)",
    });
    await expect(refused("https://nowhere.test")).rejects.toMatchObject({
      statusCode: 400,
      message: "siteUrl host nowhere.test does not resolve",
    });
    await expect(refused("https://flaky.test")).rejects.toMatchObject({ statusCode: 503, code: "SERVICE_UNAVAILABLE" });
    // The guarded fetch is the last word: a private address is refused at the connection too.
    await expect(
      connectWordpressChannel({ ...strict, allowPrivateUrls: true }, actor, site(`${wp.url}/guarded`)),
    ).rejects.toMatchObject({
      statusCode: 422,
      details: { reason: "private_address" },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("testChannel", () => {
  it("records the site's answer as the channel's health: a refusal is a state, not an error", async () => {
    const channel = await connectWordpressChannel(local, actor, site(`${wp.url}/tested`));
    wp.setApplicationPassword("revoked and replaced");
    try {
      const failed = await testChannel(tester, channel.id);
      expect(failed).toMatchObject({
        lastCheckOk: false,
        lastError: `WordPress at ${new URL(wp.url).host} refused the password: reconnect in Channels with a new application password.`,
        accountName: "Eve Editor",
      });
      expect(failed.lastCheckedAt!.getTime()).toBeGreaterThanOrEqual(channel.lastCheckedAt!.getTime());
    } finally {
      wp.setApplicationPassword(PASSWORD);
    }
    expect(await testChannel(tester, channel.id)).toMatchObject({ lastCheckOk: true, lastError: null });
  });

  it("a password no key opens any more (a rotation lost it) is a health state too, never a 500", async () => {
    const channel = await connectWordpressChannel(local, actor, site(`${wp.url}/lost`));
    await db.connectedChannel.update({
      where: { id: channel.id },
      data: { credentialsEncrypted: createSecretBox(randomBytes(32).toString("base64")).encrypt("lost") },
    });
    const asked = wp.requests.length;
    expect(await testChannel(tester, channel.id)).toMatchObject({
      lastCheckOk: false,
      lastError: UNREADABLE_CHANNEL_PASSWORD,
    });
    expect(wp.requests.length).toBe(asked);
  });

  it("answers 404 for an unknown channel or another workspace's, and asks no site", async () => {
    const theirs = await connectWordpressChannel(
      { ...local, tdb: forTenant(db, otherTenantId) },
      { ...actor, tenantId: otherTenantId },
      site(`${wp.url}/theirs`),
    );
    const asked = wp.requests.length;
    const before = await snapshot();
    for (const id of [theirs.id, randomUUID()])
      await expect(testChannel(tester, id)).rejects.toMatchObject({ statusCode: 404, code: "NOT_FOUND" });
    expect(wp.requests.length).toBe(asked);
    expect(await snapshot()).toEqual(before);
  });
});

describe("removeChannel", () => {
  it("removes the channel with an audit row", async () => {
    // A workspace connects a site once: another path of the same host is another site.
    const channel = await connectWordpressChannel(local, actor, site(`${wp.url}/news`));
    await removeChannel(tdb, { ...actor, requestId: "req-remove" }, channel.id);
    expect(await db.connectedChannel.findUnique({ where: { id: channel.id } })).toBeNull();
    expect(
      await db.auditLog.findMany({
        where: { targetId: channel.id, action: "channel.removed" },
        select: { actorId: true, requestId: true },
      }),
    ).toEqual([{ actorId: actor.userId, requestId: "req-remove" }]);
  });

  it("answers 404 for an unknown channel or another workspace's, and changes nothing", async () => {
    const theirs = await connectWordpressChannel(
      { ...local, tdb: forTenant(db, otherTenantId) },
      { ...actor, tenantId: otherTenantId },
      site(wp.url),
    );
    const before = await snapshot();
    for (const id of [theirs.id, randomUUID()])
      await expect(removeChannel(tdb, actor, id)).rejects.toMatchObject({
        statusCode: 404,
        code: "NOT_FOUND",
        message: "Channel not found",
      });
    expect(await snapshot()).toEqual(before);
  });
});
