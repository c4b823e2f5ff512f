import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

// Channels over HTTP against a local server speaking WordPress's REST wire format: the check before
// saving, "Test connection", and the health the publisher records.
const PASSWORD = "abcd efgh ijkl mnop";
let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let wp: FakeWordPress;
let owner: LoginResult;
let host: string;

interface Channel {
  id: string;
  siteName: string | null;
  accountName: string | null;
  accountRoles: string[];
  health: string;
  lastCheckedAt: string | null;
  lastPublishedAt: string | null;
  lastError: string | null;
}

beforeAll(async () => {
  t = await createTestApp();
  agents = await startTestAgents(t);
  wp = await startFakeWordPress({
    username: "acme-editor",
    applicationPassword: PASSWORD,
    siteName: "Acme Journal",
    displayName: "Ada Editor",
  });
  host = new URL(wp.url).host;
  owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
});
afterAll(async () => {
  await agents.close();
  await wp.close();
  await t.close();
});

const connect = (siteUrl: string, applicationPassword: string) =>
  t.app.inject({
    method: "POST",
    url: "/tenant/v1/channels/wordpress",
    headers: bearer(owner.accessToken),
    payload: { name: "Acme blog", siteUrl, username: "acme-editor", applicationPassword },
  });
const channelRow = (id: string) => t.db.connectedChannel.findUniqueOrThrow({ where: { id } });

describe("connecting WordPress checks the credentials at the site before saving", () => {
  it("a wrong password: 422 in plain words naming the field, and no row", async () => {
    const before = await t.db.connectedChannel.count();
    const res = await connect(wp.url, "not the password");
    expect(res.statusCode).toBe(422);
    expect(errorOf(res)).toEqual({
      code: "CHANNEL_CHECK_FAILED",
      message: `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`,
      details: {
        reason: "bad_password",
        retryable: false,
        fields: [
          {
            path: "body.applicationPassword",
            message: `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`,
          },
        ],
      },
    });
    expect(await t.db.connectedChannel.count()).toBe(before);
  });

  it("good credentials: saved with what the site said, healthy, and listed so", async () => {
    const res = await connect(wp.url, PASSWORD);
    expect(res.statusCode, res.body).toBe(201);
    const channel = res.json() as Channel;
    expect(channel).toMatchObject({
      siteName: "Acme Journal",
      accountName: "Ada Editor",
      accountRoles: ["editor"],
      health: "healthy",
      lastPublishedAt: null,
      lastError: null,
    });
    expect(res.body).not.toContain("abcd");
    const list = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken, undefined, 200);
    expect(list.items.find((c) => c.id === channel.id)?.health).toBe("healthy");
  });
});

describe("health: Test connection and the publisher", () => {
  it("a revoked password: the test says so, the activity page warns, publishing fails in plain words; fixed, it publishes", async () => {
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const { items } = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken);
    const channel = items[0]!;
    const refused = `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`;

    wp.setApplicationPassword("revoked and replaced");
    const tested = await api<Channel>(
      t,
      "POST",
      `/tenant/v1/channels/${channel.id}/test`,
      owner.accessToken,
      undefined,
      200,
    );
    expect(tested).toMatchObject({ health: "needs_attention", lastError: refused, accountName: "Ada Editor" });

    const planId = await approvePlan(t, owner.accessToken, 1, "Revoked password");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    // What the approve warning reads: the channel it would go to, and its health.
    const detail = await api<{ publishTo: unknown }>(t, "GET", `/tenant/v1/activities/${a!.id}`, owner.accessToken);
    expect(detail.publishTo).toEqual({
      target: "wordpress",
      channel: {
        id: channel.id,
        kind: "wordpress",
        name: "Acme blog",
        siteUrl: wp.url,
        accountHandle: null,
        avatarUrl: null,
        health: "needs_attention",
        lastError: refused,
        lastCheckedAt: tested.lastCheckedAt,
      },
    });

    await api(t, "POST", `/tenant/v1/activities/${a!.id}/approve`, owner.accessToken, {}, 200);
    const failed = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } });
      return row.status === "publish_failed" ? row : undefined;
    });
    // A refused password is not retried: it fails at once, for the client to reconnect.
    expect(failed.lastError).toBe(refused);
    // The worker records the dead job after the handler's transition commits: wait for it, then count.
    const deadJobs = () => t.db.failedJob.count({ where: { queue: "agent__publisher", reason: refused } });
    await eventually(async () => ((await deadJobs()) > 0 ? true : undefined));
    expect(await deadJobs()).toBe(1);
    expect(await channelRow(channel.id)).toMatchObject({ lastCheckOk: false, lastError: refused });

    wp.setApplicationPassword(PASSWORD);
    expect(
      await api<Channel>(t, "POST", `/tenant/v1/channels/${channel.id}/test`, owner.accessToken, undefined, 200),
    ).toMatchObject({ health: "healthy", lastError: null });
    await api(t, "POST", `/tenant/v1/activities/${a!.id}/retry-publish`, owner.accessToken, {}, 200);
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "published" ? true : undefined,
    );
    const published = await channelRow(channel.id);
    expect(published).toMatchObject({ lastCheckOk: true, lastError: null });
    expect(published.lastPublishedAt).toBeInstanceOf(Date);
  });

  it("a site failing (5xx) on every attempt: retried, then recorded in plain words, never the transport's", async () => {
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const planId = await approvePlan(t, owner.accessToken, 1, "Site down");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    wp.failNext(503, 100);
    try {
      await api(t, "POST", `/tenant/v1/activities/${a!.id}/approve`, owner.accessToken, {}, 200);
      // The first failed attempt already shows on the channel, before the retries run out.
      const sentence = `WordPress at ${host} had a server error (HTTP 503): try again later; if it keeps failing, check the site.`;
      await eventually(async () =>
        (await t.db.connectedChannel.findFirst({ where: { lastError: sentence } })) ? true : undefined,
      );
      const { items } = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken);
      expect(items[0]).toMatchObject({ health: "needs_attention", lastError: sentence });
    } finally {
      wp.failNext(503, 0);
    }
  });

  it("Test connection is for the workspace's own channels (404 otherwise)", async () => {
    const globex = await t.login(DEMO_ACCOUNTS.globexOwner);
    const { items } = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken);
    const res = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/channels/${items[0]!.id}/test`,
      headers: bearer(globex.accessToken),
    });
    expect([res.statusCode, errorOf(res).code]).toEqual([404, "NOT_FOUND"]);
  });
});
