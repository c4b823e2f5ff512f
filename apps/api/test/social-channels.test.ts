import type { AddressInfo } from "node:net";
import { createSocialProviders, refreshChannelTokens } from "@leadmetrics/channels";
import { channelSecretBox } from "@leadmetrics/crypto";
import { forTenant } from "@leadmetrics/db";
import { type FakeGoogleBusiness, startFakeGoogleBusiness } from "@leadmetrics/provider-google-business/fake-server";
import { type FakeLinkedIn, startFakeLinkedIn } from "@leadmetrics/provider-linkedin/fake-server";
import { type FakeMeta, startFakeMeta } from "@leadmetrics/provider-meta/fake-server";
import { type FakeX, startFakeX } from "@leadmetrics/provider-x/fake-server";
import { eventually } from "@leadmetrics/testing";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

// Social channels over real HTTP: the API and the publisher talk to local servers speaking
// LinkedIn's and X's wire formats (OAuth pages, token endpoints, APIs), through the providers.
const APPS = {
  LINKEDIN_CLIENT_ID: "li-client",
  LINKEDIN_CLIENT_SECRET: "li-secret",
  X_CLIENT_ID: "x-client",
  X_CLIENT_SECRET: "x-secret",
  META_APP_ID: "meta-app",
  META_APP_SECRET: "meta-secret",
  GOOGLE_CLIENT_ID: "google-client",
  GOOGLE_CLIENT_SECRET: "google-secret",
};
let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let li: FakeLinkedIn;
let x: FakeX;
let meta: FakeMeta;
let google: FakeGoogleBusiness;
let mediaUrl: string;
let owner: LoginResult;
let globex: LoginResult;
let reviewer: LoginResult;

interface Channel {
  id: string;
  kind: string;
  name: string;
  status: string;
  health: string;
  externalAccountId: string | null;
  tokenExpiresAt: string | null;
  lastError: string | null;
}
type Callback =
  | { outcome: "choose"; connectionId: string; kind: string; accounts: { externalId: string; name: string }[] }
  | { outcome: "reconnected"; channelId: string };

beforeAll(async () => {
  li = await startFakeLinkedIn({ clientId: APPS.LINKEDIN_CLIENT_ID, clientSecret: APPS.LINKEDIN_CLIENT_SECRET });
  x = await startFakeX({ clientId: APPS.X_CLIENT_ID, clientSecret: APPS.X_CLIENT_SECRET });
  meta = await startFakeMeta({ clientId: APPS.META_APP_ID, clientSecret: APPS.META_APP_SECRET });
  google = await startFakeGoogleBusiness({ clientId: APPS.GOOGLE_CLIENT_ID, clientSecret: APPS.GOOGLE_CLIENT_SECRET });
  const social = {
    ...APPS,
    LINKEDIN_BASE_URL: li.url,
    X_BASE_URL: x.url,
    META_BASE_URL: meta.url,
    GOOGLE_BASE_URL: google.url,
  };
  t = await createTestApp(social);
  // The API listens, so the publisher can fetch the signed media links it makes.
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  mediaUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  Object.assign(t.config, { MEDIA_PUBLIC_URL: mediaUrl });
  agents = await startTestAgents(t, { ...social, MEDIA_PUBLIC_URL: mediaUrl });
  owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  globex = await t.login(DEMO_ACCOUNTS.globexOwner);
  reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
});
afterAll(async () => {
  await agents?.close();
  await t?.close();
  await li?.close();
  await x?.close();
  await meta?.close();
  await google?.close();
});

/** GET …/oauth/start: the 302 to the network's consent page. */
async function start(kind: string, token = owner.accessToken, query = "") {
  const res = await t.app.inject({
    method: "GET",
    url: `/tenant/v1/channels/${kind}/oauth/start${query}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body).toBe(302);
  return new URL(res.headers.location as string);
}

/** What the Dashboard's callback page forwards: the network's redirect's code and state. */
const callback = (back: URL, token = owner.accessToken) =>
  t.app.inject({
    method: "POST",
    url: "/tenant/v1/channels/oauth/callback",
    headers: bearer(token),
    payload: {
      state: back.searchParams.get("state"),
      ...(back.searchParams.get("code") ? { code: back.searchParams.get("code") } : {}),
      ...(back.searchParams.get("error") ? { error: back.searchParams.get("error") } : {}),
    },
  });

/** Connect → consent → callback → pick: the whole flow a person clicks through. */
async function connect(
  fake: { approve(url: string): Promise<string> },
  kind: string,
  pick: (a: { externalId: string }) => boolean,
) {
  const back = new URL(await fake.approve((await start(kind)).toString()));
  const res = await callback(back);
  expect(res.statusCode, res.body).toBe(200);
  const chosen = res.json() as Extract<Callback, { outcome: "choose" }>;
  const account = chosen.accounts.find(pick)!;
  return api<Channel>(
    t,
    "POST",
    `/tenant/v1/channels/connections/${chosen.connectionId}/select`,
    owner.accessToken,
    { externalId: account.externalId },
    201,
  );
}

describe("connecting a network: OAuth with a single-use state", () => {
  it("X: the consent URL carries a state and an S256 PKCE challenge; only the state's hash is stored", async () => {
    const url = await start("x");
    const state = url.searchParams.get("state")!;
    expect(state.length).toBeGreaterThanOrEqual(40);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    const rows = await t.db.channelConnection.findMany({ where: { kind: "x" } });
    expect(rows.some((r) => r.stateHash === state)).toBe(false);
    expect(rows.every((r) => r.codeVerifierEncrypted && !r.codeVerifierEncrypted.includes(state))).toBe(true);
  });

  it("LinkedIn: consent, the pages and profile to choose from, then the chosen one is a channel with sealed tokens", async () => {
    const back = new URL(await li.approve((await start("linkedin")).toString()));
    const res = await callback(back);
    expect(res.statusCode, res.body).toBe(200);
    const chosen = res.json() as Extract<Callback, { outcome: "choose" }>;
    expect(chosen.accounts.map((a) => a.name).sort()).toEqual(["Acme Corp", "Lena Lead"]);

    const pending = await api<{ accounts: { externalId: string; connected: boolean }[] }>(
      t,
      "GET",
      `/tenant/v1/channels/connections/${chosen.connectionId}`,
      owner.accessToken,
      undefined,
      200,
    );
    expect(pending.accounts.every((a) => !a.connected)).toBe(true);
    // Another workspace cannot see or finish it.
    await api(t, "GET", `/tenant/v1/channels/connections/${chosen.connectionId}`, globex.accessToken, undefined, 404);

    const org = chosen.accounts.find((a) => a.externalId.includes("organization"))!;
    const channel = await api<Channel>(
      t,
      "POST",
      `/tenant/v1/channels/connections/${chosen.connectionId}/select`,
      owner.accessToken,
      { externalId: org.externalId },
      201,
    );
    expect(channel).toMatchObject({ kind: "linkedin", name: "Acme Corp", status: "connected", health: "healthy" });
    expect(channel.tokenExpiresAt).not.toBeNull();
    const row = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.credentialsEncrypted).toMatch(/^v1\./);
    expect(row.credentialsEncrypted).not.toContain("at_");
    // Test connection asks LinkedIn whether this sign-in still lists the page.
    const tested = await api<Channel>(
      t,
      "POST",
      `/tenant/v1/channels/${channel.id}/test`,
      owner.accessToken,
      undefined,
      200,
    );
    expect(tested).toMatchObject({ health: "healthy", lastError: null });
    // The same connect cannot be finished twice, and the account cannot be connected twice.
    await api(
      t,
      "POST",
      `/tenant/v1/channels/connections/${chosen.connectionId}/select`,
      owner.accessToken,
      { externalId: org.externalId },
      404,
    );
  });

  it("a replayed, forged, expired or other workspace's state is refused and stores nothing", async () => {
    const before = await t.db.connectedChannel.count();
    const back = new URL(await li.approve((await start("linkedin")).toString()));
    // Someone else's workspace presents it: refused (and it is not used up for its owner).
    expect((await callback(back, globex.accessToken)).statusCode).toBe(400);
    expect((await callback(back)).statusCode).toBe(200);
    const replay = await callback(back);
    expect(replay.statusCode).toBe(400);
    expect(errorOf(replay).message).toBe(
      "This connection link has expired or was already used: start connecting again from Channels.",
    );
    const forged = new URL(back);
    forged.searchParams.set("state", "forged-state-forged-state-forged-state-0123");
    expect((await callback(forged)).statusCode).toBe(400);

    const late = new URL(await li.approve((await start("linkedin")).toString()));
    await t.db.channelConnection.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await callback(late)).statusCode).toBe(400);
    expect(await t.db.connectedChannel.count()).toBe(before);
  });

  it("declining consent lands on a plain refusal and stores nothing", async () => {
    const before = await t.db.connectedChannel.count();
    const url = await start("linkedin");
    const back = new URL(url.searchParams.get("redirect_uri")!);
    back.searchParams.set("state", url.searchParams.get("state")!);
    back.searchParams.set("error", "access_denied");
    const res = await callback(back);
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message).toMatch(/^LinkedIn was not connected because access was not allowed/);
    expect(await t.db.connectedChannel.count()).toBe(before);
  });

  it("an unknown kind is 404", async () => {
    const unknown = await t.app.inject({
      method: "GET",
      url: "/tenant/v1/channels/myspace/oauth/start",
      headers: bearer(owner.accessToken),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

/** A one-week plan of one social post for `channelId`, drafted and approved by the reviewer. */
async function postInClientReview(channelId: string, name: string) {
  const planId = await approvePlan(t, owner.accessToken, 0, name, {
    items: [{ deliverableType: "social_post", quantity: 1, channelId }],
  });
  const [a] = await activitiesInStatus(t, planId, "dm_review");
  await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
  return a!;
}

const uploadImage = async (width: number, height: number) => {
  const png = await sharp({ create: { width, height, channels: 3, background: "#3366cc" } })
    .png()
    .toBuffer();
  const boundary = "----lm-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="pic.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    png,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: "POST",
    url: "/tenant/v1/media",
    headers: { ...bearer(owner.accessToken), "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const json = res.json() as { items?: { id: string }[]; id?: string };
  return json.items?.[0]?.id ?? json.id!;
};

describe("publishing a social post to the account chosen for it", () => {
  let linkedin: Channel;
  beforeAll(async () => {
    linkedin = await connect(li, "linkedin", (a) => a.externalId.includes("person"));
  });

  it("plan → drafts → approvals → posted once on LinkedIn with its image, converted; the URL is LinkedIn's", async () => {
    const a = await postInClientReview(linkedin.id, "LinkedIn launch");
    expect(a.channelId).toBe(linkedin.id);
    const mediaId = await uploadImage(1200, 800);
    await api(t, "PUT", `/tenant/v1/activities/${a.id}/publishing`, owner.accessToken, { mediaIds: [mediaId] }, 200);
    await api(t, "POST", `/tenant/v1/activities/${a.id}/approve`, owner.accessToken, {}, 200);
    const published = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a.id }, include: { socialPost: true } });
      return row.status === "published" ? row : undefined;
    }, 20_000);
    const post = li.posts.find((p: { urn: string }) => published.socialPost?.externalId === p.urn)!;
    expect(post).toBeDefined();
    expect(post.text).toBe(published.socialPost!.text);
    expect(post.media).toHaveLength(1);
    expect(post.media[0]!.contentType).toMatch(/^image\/(png|jpeg)$/);
    // LinkedIn's own address of the post (on the local server's origin here).
    expect(new URL(published.publishedUrl!).pathname).toBe(`/feed/update/${post.urn}/`);

    // The same publish job delivered again: it finds the stored id and posts nothing.
    const count = li.posts.length;
    await t.queues.enqueue("agent__publisher", { tenantId: a.tenantId, activityId: a.id, attempt: 999 });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(li.posts.length).toBe(count);
  });

  it("the reviewer sees the images the post carries, as uploaded, and no other image of the library", async () => {
    const a = await postInClientReview(linkedin.id, "Reviewer sees the images");
    const chosen = await uploadImage(400, 300);
    const other = await uploadImage(300, 300);
    await api(t, "PUT", `/tenant/v1/activities/${a.id}/publishing`, owner.accessToken, { mediaIds: [chosen] }, 200);
    const get = (mediaId: string, token: string) =>
      t.app.inject({ method: "GET", url: `/dm/v1/activities/${a.id}/media/${mediaId}`, headers: bearer(token) });

    const res = await get(chosen, reviewer.accessToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(await sharp(res.rawPayload).metadata()).toMatchObject({ width: 400, height: 300 });
    expect((await get(other, reviewer.accessToken)).statusCode).toBe(404);
    // Only reviewers: a client reads its library through /tenant/v1/media.
    expect((await get(chosen, owner.accessToken)).statusCode).toBe(403);
  });

  it("an expired token is renewed once (on the 401) and the post still goes out", async () => {
    const a = await postInClientReview(linkedin.id, "After expiry");
    li.expireAccessTokens();
    const before = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: linkedin.id } });
    await api(t, "POST", `/tenant/v1/activities/${a.id}/approve`, owner.accessToken, {}, 200);
    await eventually(
      async () => (await t.db.activity.findUniqueOrThrow({ where: { id: a.id } })).status === "published" || undefined,
      20_000,
    );
    const after = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: linkedin.id } });
    expect(after.credentialsEncrypted).not.toBe(before.credentialsEncrypted);
    expect(after.status).toBe("connected");
  });

  it("a refused renewal: needs_reconnect, owners told once, publishing fails in words; Reconnect renews it", async () => {
    const a = await postInClientReview(linkedin.id, "Revoked");
    li.expireAccessTokens();
    li.revokeRefreshTokens();
    await api(t, "POST", `/tenant/v1/activities/${a.id}/approve`, owner.accessToken, {}, 200);
    const failed = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a.id } });
      return row.status === "publish_failed" ? row : undefined;
    }, 20_000);
    expect(failed.lastError).toBe(
      'LinkedIn stopped accepting Leadmetrics for "Lena Lead": reconnect it in Channels, then retry publishing.',
    );
    const channels = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken);
    expect(channels.items.find((c) => c.id === linkedin.id)).toMatchObject({
      status: "needs_reconnect",
      health: "needs_reconnect",
    });
    const notified = await eventually(async () => {
      const jobs = await t.queues
        .queue("notifications__dispatch")
        .getJobs(["waiting", "delayed", "active", "completed"]);
      const told = jobs.filter((j) => j.data.event === "channel_needs_reconnect");
      return told.length ? told : undefined;
    }, 10_000);
    expect(notified.map((j) => j.data.recipient)).toEqual([{ group: "tenant_admins" }]);
    expect(notified[0]!.data.data).toMatchObject({ channelName: "Lena Lead", network: "LinkedIn" });

    // Reconnect: the same account, new tokens, connected again; the retry publishes.
    const back = new URL(
      await li.approve((await start("linkedin", owner.accessToken, `?reconnect=${linkedin.id}`)).toString()),
    );
    const res = await callback(back);
    expect(res.json()).toEqual({ outcome: "reconnected", channelId: linkedin.id });
    await api(t, "POST", `/tenant/v1/activities/${a.id}/retry-publish`, owner.accessToken, {}, 200);
    await eventually(
      async () => (await t.db.activity.findUniqueOrThrow({ where: { id: a.id } })).status === "published" || undefined,
      20_000,
    );
  });

  it("another workspace's channel or image cannot be chosen (404), nor a site for a social post (400)", async () => {
    const a = await postInClientReview(linkedin.id, "Choices");
    await api(t, "PUT", `/tenant/v1/activities/${a.id}/publishing`, globex.accessToken, { channelId: null }, 404);
    const globexChannel = await t.db.connectedChannel.create({
      data: {
        tenantId: (await t.db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id,
        kind: "linkedin",
        name: "Globex",
        credentialsEncrypted: "v1.x.y.z",
        externalAccountId: "urn:li:organization:1",
      },
    });
    await api(
      t,
      "PUT",
      `/tenant/v1/activities/${a.id}/publishing`,
      owner.accessToken,
      { channelId: globexChannel.id },
      404,
    );
    const wordpress = await t.db.connectedChannel.create({
      data: {
        tenantId: a.tenantId,
        kind: "wordpress",
        name: "Blog",
        siteUrl: "https://blog.example",
        username: "u",
        credentialsEncrypted: "v1.x.y.z",
      },
    });
    const wrong = await t.app.inject({
      method: "PUT",
      url: `/tenant/v1/activities/${a.id}/publishing`,
      headers: bearer(owner.accessToken),
      payload: { channelId: wordpress.id },
    });
    expect(wrong.statusCode).toBe(400);
    await t.db.connectedChannel.delete({ where: { id: wordpress.id } });
  });
});

describe("renewing sign-ins", () => {
  let xChannel: Channel;
  beforeAll(async () => {
    xChannel = await connect(x, "x", () => true);
  });
  const tokenCalls = () => x.requests.filter((r) => r.path === "/2/oauth2/token").length;

  it("a token about to expire is renewed by the agents' job before anyone publishes", async () => {
    await t.db.connectedChannel.updateMany({
      where: { id: xChannel.id },
      data: { tokenExpiresAt: new Date(Date.now() + 60_000) },
    });
    await agents.server.reconcileNow();
    const renewed = await eventually(async () => {
      const row = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: xChannel.id } });
      return row.tokenExpiresAt!.getTime() > Date.now() + 3_600_000 ? row : undefined;
    }, 10_000);
    expect(renewed.status).toBe("connected");
  });

  it("concurrent renewals of one account make one call to X, and every caller gets the new token (X rotates refresh tokens)", async () => {
    const row = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: xChannel.id } });
    const deps = {
      tdb: forTenant(t.db, row.tenantId),
      secrets: channelSecretBox(t.config),
      providers: createSocialProviders(t.config),
    };
    const stale = JSON.parse(deps.secrets.decrypt(row.credentialsEncrypted)).accessToken as string;
    const before = tokenCalls();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => refreshChannelTokens(deps, xChannel.id, { staleAccessToken: stale })),
    );
    expect(tokenCalls() - before).toBe(1);
    const tokens = results.map((r) => JSON.parse(deps.secrets.decrypt(r.credentialsEncrypted)).accessToken);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(stale);
    const after = await t.db.connectedChannel.findUniqueOrThrow({ where: { id: xChannel.id } });
    expect(after.status).toBe("connected");
    expect(after.refreshLeaseUntil).toBeNull();
  });
});

describe("network limits are checked before the client approves", () => {
  it("X takes 280 characters: a longer post cannot be approved, and the message says by how much", async () => {
    const { items } = await api<{ items: Channel[] }>(t, "GET", "/tenant/v1/channels", owner.accessToken);
    const xChannel = items.find((c) => c.kind === "x")!;
    const a = await postInClientReview(xChannel.id, "Too long for X");
    await t.db.socialPost.updateMany({ where: { activityId: a.id }, data: { text: "a".repeat(300) } });
    const res = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/activities/${a.id}/approve`,
      headers: bearer(owner.accessToken),
      payload: {},
    });
    expect(res.statusCode).toBe(422);
    expect(errorOf(res).message).toBe(
      "This post cannot go to X as it is: X takes 280 characters; this post has 300: shorten it by 20.",
    );
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("client_review");
  });
});

describe("networks that fetch a post's images themselves, from a signed link", () => {
  const waitFor = (id: string, status: string) =>
    eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id } });
      return row.status === status ? row : undefined;
    }, 20_000);

  it("Instagram: no image cannot be approved; a small one fails in words; a good one is converted to JPEG and posted", async () => {
    const ig = await connect(meta, "instagram", () => true);
    const a = await postInClientReview(ig.id, "Instagram launch");
    const bare = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/activities/${a.id}/approve`,
      headers: bearer(owner.accessToken),
      payload: {},
    });
    expect(bare.statusCode).toBe(422);
    expect(errorOf(bare).message).toContain(
      "Instagram needs an image with every post: add one from the media library.",
    );

    const small = await uploadImage(200, 200);
    await api(t, "PUT", `/tenant/v1/activities/${a.id}/publishing`, owner.accessToken, { mediaIds: [small] }, 200);
    await api(t, "POST", `/tenant/v1/activities/${a.id}/approve`, owner.accessToken, {}, 200);
    const failed = await waitFor(a.id, "publish_failed");
    expect(failed.lastError).toBe(
      "This image is 200×200 px; Instagram needs at least 320 px on each side: choose a larger image.",
    );

    // A wide PNG: padded into Instagram's ratios, re-encoded as JPEG, fetched by "Instagram" itself.
    const wide = await uploadImage(2000, 500);
    await t.db.socialPost.updateMany({ where: { activityId: a.id }, data: { mediaIds: [wide] } });
    await api(t, "POST", `/tenant/v1/activities/${a.id}/retry-publish`, owner.accessToken, {}, 200);
    const published = await waitFor(a.id, "published");
    const post = meta.posts.find((p) => p.network === "instagram")!;
    expect(post.media).toHaveLength(1);
    expect(post.media[0]!.contentType).toBe("image/jpeg");
    expect(post.media[0]!.url.startsWith(`${mediaUrl}/public/v1/media/`)).toBe(true);
    expect(published.publishedUrl).toBe(post.permalink);
    const image = await fetch(post.media[0]!.url);
    const meta2 = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta2.width! / meta2.height!).toBeCloseTo(1.91, 1);
  });

  it("Google Business Profile: a location's post with its photo", async () => {
    const location = await connect(google, "google_business", () => true);
    const a = await postInClientReview(location.id, "Local news");
    const photo = await uploadImage(1200, 900);
    await api(t, "PUT", `/tenant/v1/activities/${a.id}/publishing`, owner.accessToken, { mediaIds: [photo] }, 200);
    await api(t, "POST", `/tenant/v1/activities/${a.id}/approve`, owner.accessToken, {}, 200);
    const published = await waitFor(a.id, "published");
    const post = google.posts.at(-1)!;
    expect(post.media).toHaveLength(1);
    expect(published.publishedUrl).toBe(post.searchUrl);
  });

  it("a forged or altered media link is 404, and reveals nothing", async () => {
    const res = await fetch(`${mediaUrl}/public/v1/media/eyJ0IjoiMSJ9.forged`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
