import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkChannelUrl } from "../src/lib/public-url";
import { bearer, createTestApp, errorOf, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;
const failsWith = (code: string) => async () => {
  throw Object.assign(new Error(code), { code });
};

describe("checkChannelUrl", () => {
  it("accepts a host whose every address is public, and names the private one otherwise", async () => {
    expect(
      await checkChannelUrl("https://blog.example.com", false, resolvesTo("93.184.216.34", "2606:2800:220:1::1")),
    ).toBeNull();
    expect(await checkChannelUrl("https://blog.example.com", false, resolvesTo("93.184.216.34", "10.0.0.7"))).toEqual({
      problem: "must be a public address (blog.example.com resolves to 10.0.0.7)",
    });
    expect(await checkChannelUrl("https://rebind.example.com", false, resolvesTo("169.254.169.254"))).toEqual({
      problem: "must be a public address (rebind.example.com resolves to 169.254.169.254)",
    });
  });

  it("a host that does not exist is the tenant's mistake (400); a DNS failure is worth a retry (503)", async () => {
    expect(await checkChannelUrl("https://no-such.example.com", false, failsWith("ENOTFOUND"))).toEqual({
      problem: "host no-such.example.com does not resolve",
    });
    expect(await checkChannelUrl("https://blog.example.com", false, failsWith("EAI_AGAIN"))).toEqual({
      unavailable: "the address of blog.example.com could not be looked up (EAI_AGAIN); try again",
    });
  });

  it("refuses other schemes and embedded credentials whatever the address policy", async () => {
    const never = async () => expect.unreachable("no lookup for a refused URL") as never;
    expect(await checkChannelUrl("ftp://blog.example.com", true, never)).toEqual({ problem: "must be an http(s) URL" });
    expect(await checkChannelUrl("https://u:p@blog.example.com", true, never)).toEqual({
      problem: "must not contain credentials",
    });
    expect(await checkChannelUrl("http://127.0.0.1:8080", true, never)).toBeNull();
  });
});

describe("connecting a channel on a non-public address", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ALLOW_PRIVATE_CHANNEL_URLS: "false" });
  });
  afterAll(() => t.close());

  it.each([
    "http://localhost:8080",
    "http://127.0.0.1",
    "http://2130706433",
    "http://[::1]:8080",
    "http://[::ffff:127.0.0.1]",
    "http://[::ffff:a9fe:a9fe]",
    "http://169.254.169.254/latest",
    "http://10.1.2.3",
    "https://[fd00::1]",
  ])("%s → 400 naming siteUrl, and nothing is stored", async (siteUrl) => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const before = await t.db.connectedChannel.count();
    const res = await t.app.inject({
      method: "POST",
      url: "/tenant/v1/channels/wordpress",
      headers: bearer(owner.accessToken),
      payload: { name: "Internal", siteUrl, username: "u", applicationPassword: "password-123" },
    });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe("VALIDATION_ERROR");
    expect(error.details).toEqual({ fields: [{ path: "body.siteUrl", message: "must be a public address" }] });
    expect(await t.db.connectedChannel.count()).toBe(before);
  });
});

describe("publishing to a site whose address turned private after it was connected (DNS rebinding)", () => {
  let t: TestApp;
  let wp: FakeWordPress;
  let agents: Awaited<ReturnType<typeof startTestAgents>>;
  beforeAll(async () => {
    // The API accepted the site (at connect time its name was public); the publisher, which
    // checks each connection, sees it resolve to loopback now.
    t = await createTestApp({ ALLOW_PRIVATE_CHANNEL_URLS: "true" });
    agents = await startTestAgents(t, { ALLOW_PRIVATE_CHANNEL_URLS: "false" });
    wp = await startFakeWordPress({ username: "acme-editor", applicationPassword: "abcd efgh ijkl mnop" });
  });
  afterAll(async () => {
    await agents.close();
    await wp.close();
    await t.close();
  });

  it("refuses at once, without retries and without a request to the site, and says why", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const siteUrl = wp.url.replace("127.0.0.1", "localhost");
    await api(
      t,
      "POST",
      "/tenant/v1/channels/wordpress",
      owner.accessToken,
      { name: "Acme blog", siteUrl, username: "acme-editor", applicationPassword: "abcd efgh ijkl mnop" },
      201,
    );
    // Connecting asked the site (its name was public then); publishing must not.
    const askedOnConnect = wp.requests.length;
    const planId = await approvePlan(t, owner.accessToken, 1, "Rebinding");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    await api(t, "POST", `/tenant/v1/activities/${a!.id}/approve`, owner.accessToken, {}, 200);

    const failed = await eventually(() =>
      t.db.failedJob.findFirst({
        where: { queue: "agent__publisher", payload: { path: ["activityId"], equals: a!.id } },
      }),
    );
    expect(failed.attempts).toBe(1);
    // In plain words for the client: the host they typed, never the address it resolved to.
    const sentence = `WordPress at ${new URL(siteUrl).host} is on a private network address the platform may not call: connect the site's public address in Channels.`;
    expect(failed.reason).toBe(sentence);
    const activity = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } });
      return row.status === "publish_failed" ? row : undefined;
    });
    expect(activity.lastError).toBe(sentence);
    expect(await t.db.connectedChannel.findFirstOrThrow({ where: { siteUrl } })).toMatchObject({
      lastCheckOk: false,
      lastError: sentence,
    });
    expect(wp.requests.slice(askedOnConnect)).toEqual([]);
  });
});
