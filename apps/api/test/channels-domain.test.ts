import { randomBytes, randomUUID } from "node:crypto";
import { createSecretBox } from "@leadmetrics/crypto";
import { createDb, type Db, forTenant, type TenantDb } from "@leadmetrics/db";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChannelActor,
  type ConnectChannelDeps,
  connectWordpressChannel,
  listChannels,
  removeChannel,
} from "../src/domain/channels";

// The channels' domain functions without HTTP, on a real database; DNS answers are given by the test.
const secrets = createSecretBox(randomBytes(32).toString("base64"));
let db: Db;
let tdb: TenantDb;
let deps: ConnectChannelDeps;
let actor: ChannelActor;
let otherTenantId: string;

const answers: Record<string, string[]> = { "blog.example.test": ["93.184.216.34"], "intranet.test": ["10.0.0.7"] };
const resolve = async (host: string) => {
  if (host === "flaky.test") throw Object.assign(new Error("timeout"), { code: "ETIMEOUT" });
  const found = answers[host];
  if (!found) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
  return found;
};
const site = (siteUrl: string) => ({
  name: "Company blog",
  siteUrl,
  username: "editor",
  applicationPassword: "abcd efgh ijkl",
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
  deps = { tdb, secrets, allowPrivateUrls: false, resolve };
  actor = { tenantId: tenant.id, userId: owner.userId, requestId: "req-channels" };
});
afterAll(() => db.$disconnect());

describe("connectWordpressChannel", () => {
  it("stores the site without its trailing slash, the password sealed, and an audit row", async () => {
    const channel = await connectWordpressChannel(deps, actor, site("https://blog.example.test/"));
    expect(channel).toMatchObject({ kind: "wordpress", name: "Company blog", siteUrl: "https://blog.example.test" });
    expect(channel).not.toHaveProperty("credentialsEncrypted");
    const stored = await db.connectedChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(stored.credentialsEncrypted).not.toContain("abcd");
    expect(secrets.decrypt(stored.credentialsEncrypted)).toBe("abcd efgh ijkl");
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
        metadata: { kind: "wordpress", siteUrl: "https://blog.example.test" },
      },
    ]);
    expect((await listChannels(tdb)).map((c) => c.id)).toContain(channel.id);
    expect((await listChannels(tdb)).every((c) => !("credentialsEncrypted" in c))).toBe(true);
  });

  it("refuses a URL the platform may not call (400) and one DNS could not look up (503); nothing is stored", async () => {
    const before = await snapshot();
    const refused = (siteUrl: string) => connectWordpressChannel(deps, actor, site(siteUrl));
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
    expect(await snapshot()).toEqual(before);
  });

  it("accepts private addresses when they are allowed (development and tests)", async () => {
    const channel = await connectWordpressChannel(
      { ...deps, allowPrivateUrls: true },
      actor,
      site("http://127.0.0.1:8080"),
    );
    expect(channel.siteUrl).toBe("http://127.0.0.1:8080");
  });
});

describe("removeChannel", () => {
  it("removes the channel with an audit row", async () => {
    // A workspace connects a site once: another path of the same host is another site.
    const channel = await connectWordpressChannel(deps, actor, site("https://blog.example.test/news"));
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
      { ...deps, tdb: forTenant(db, otherTenantId) },
      { ...actor, tenantId: otherTenantId },
      site("https://blog.example.test"),
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
