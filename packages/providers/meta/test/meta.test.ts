import type {
  OAuthTokenSet,
  SocialAccount,
  SocialImage,
  SocialProvider,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { type FakeHttpServer, startFakeHttpServer } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFacebookProvider, createInstagramProvider, GRAPH_VERSION } from "../src";
import { type FakeMeta, startFakeMeta } from "../src/fake-server";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("it should fail") as never,
    (e) => e as SocialProviderError,
  );

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

let meta: FakeMeta;
let images: FakeHttpServer;
let facebook: SocialProvider;
let instagram: SocialProvider;
const redirectUri = "http://127.0.0.1:3000/channels/callback";

beforeAll(async () => {
  meta = await startFakeMeta({ clientId: "app-1", clientSecret: "app-secret" });
  // The images' public urls: Meta fetches them itself.
  images = await startFakeHttpServer((req, res) => {
    if (req.url.startsWith("/img/")) {
      res.writeHead(200, { "content-type": "image/jpeg" });
      res.end(JPEG);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  const config = { clientId: "app-1", clientSecret: "app-secret", redirectUri, baseUrl: meta.url };
  facebook = createFacebookProvider(config);
  instagram = createInstagramProvider(config);
});
afterAll(async () => {
  await meta.close();
  await images.close();
});

const image = (name: string): SocialImage => ({
  bytes: new Uint8Array(JPEG),
  contentType: "image/jpeg",
  width: 1080,
  height: 1080,
  publicUrl: `${images.url}/img/${name}.jpg`,
});

async function connect(provider: SocialProvider): Promise<OAuthTokenSet> {
  const callback = new URL(await meta.approve(provider.authorizeUrl({ state: "st-1" })));
  expect(callback.searchParams.get("state")).toBe("st-1");
  return provider.exchangeCode({ code: callback.searchParams.get("code")! });
}

describe("Facebook Login", () => {
  it("sends the person to the versioned login dialog with the state and the Page scopes, no PKCE", () => {
    const url = new URL(facebook.authorizeUrl({ state: "abc" }));
    expect(facebook.usesPkce).toBe(false);
    expect(url.origin + url.pathname).toBe(`${meta.url}/${GRAPH_VERSION}/dialog/oauth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "app-1",
      redirect_uri: redirectUri,
      state: "abc",
      response_type: "code",
      scope: "pages_show_list,pages_read_engagement,pages_manage_posts,business_management",
    });
    expect(new URL(instagram.authorizeUrl({ state: "abc" })).searchParams.get("scope")).toContain(
      "instagram_content_publish",
    );
  });

  it("without baseUrl it goes to Meta's own hosts", () => {
    const real = createFacebookProvider({ clientId: "a", clientSecret: "b", redirectUri });
    expect(real.authorizeUrl({ state: "s" })).toMatch(/^https:\/\/www\.facebook\.com\/v21\.0\/dialog\/oauth\?/);
  });

  it("Deny comes back with error=access_denied and the state", async () => {
    const denied = new URL(await meta.approve(facebook.authorizeUrl({ state: "st-2" }), "deny"));
    expect([denied.searchParams.get("error"), denied.searchParams.get("state")]).toEqual(["access_denied", "st-2"]);
  });

  it("connecting trades the code for a short-lived token, then that for a long-lived one (about 60 days)", async () => {
    const before = meta.requests.length;
    const tokens = await connect(facebook);
    expect(tokens.refreshToken).toBeUndefined();
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    const exchanges = meta.requests.slice(before).filter((r) => r.path.includes("/oauth/access_token"));
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]!.path).toContain("code=");
    expect(exchanges[1]!.path).toContain("grant_type=fb_exchange_token");
    // A code is good once.
    const refused = await failureOf(facebook.exchangeCode({ code: "used-or-made-up" }));
    expect([refused.kind, refused.message]).toEqual([
      "bad_request",
      "Facebook did not accept the sign-in (This authorization code has been used): connect the channel again in Channels.",
    ]);
  });

  it("lists the Pages with their page tokens, and Instagram the business accounts linked to them", async () => {
    const tokens = await connect(facebook);
    const pages = await facebook.listAccounts(tokens);
    expect(pages.map((p) => [p.externalId, p.name, p.type])).toEqual([
      ["1001", "Acme Coffee", "page"],
      ["1002", "Acme Bakery", "page"],
    ]);
    expect(pages.every((p) => p.accountToken && p.accountToken !== tokens.accessToken)).toBe(true);
    const accounts = await instagram.listAccounts(await connect(instagram));
    expect(accounts).toEqual([
      expect.objectContaining({
        externalId: "17841400000000001",
        name: "Acme Coffee",
        handle: "acmecoffee",
        type: "business account",
        accountToken: expect.any(String),
      }),
    ]);
    expect(meta.requests.at(-1)!.path).toContain("instagram_business_account%7Bid%2Cusername%2Cprofile_picture_url%7D");
  });

  it("refresh re-exchanges the long-lived token; once the person removed the app it needs reconnecting", async () => {
    const tokens = await connect(facebook);
    const fresh = await facebook.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(await facebook.listAccounts(fresh)).toHaveLength(2);
    meta.revokeRefreshTokens();
    const failure = await failureOf(facebook.refresh(fresh));
    expect([failure.kind, failure.permanent, failure.network]).toEqual(["reauth_required", true, "facebook"]);
    expect(failure.message).toMatch(/^Facebook ended the connection .*: reconnect the channel in Channels\.$/);
  });

  it("an expired token is auth_expired on a call, and cannot be refreshed any more (error 190)", async () => {
    const tokens = await connect(facebook);
    meta.expireAccessTokens();
    const failure = await failureOf(facebook.listAccounts(tokens));
    expect([failure.kind, failure.permanent]).toEqual(["auth_expired", false]);
    expect(failure.detail).toContain('"code":190');
    expect((await failureOf(facebook.refresh(tokens))).kind).toBe("reauth_required");
  });

  it("a token past its expiry is not sent to Meta: the channel needs reconnecting", async () => {
    const before = meta.requests.length;
    const expired = { accessToken: "EAAold", expiresAt: new Date(Date.now() - 1000), scopes: [] };
    expect((await failureOf(facebook.refresh(expired))).kind).toBe("reauth_required");
    expect(meta.requests.length).toBe(before);
  });
});

describe("publishing to a Facebook Page", () => {
  let page: SocialAccount;
  let tokens: OAuthTokenSet;
  beforeAll(async () => {
    tokens = await connect(facebook);
    page = (await facebook.listAccounts(tokens))[0]!;
  });

  it("text with a link is one feed post with the link", async () => {
    const post = { text: "Fresh roast today.", link: "https://acme.example/roast", images: [] };
    const published = await facebook.publish(post, page, tokens);
    expect(published.externalId).toMatch(/^1001_\d+$/);
    expect(published.url).toBe(`${meta.url}/${published.externalId}`);
    expect(meta.posts.at(-1)).toMatchObject({ network: "facebook", message: post.text, link: post.link, media: [] });
    expect(meta.requests.at(-1)!.authorization).toBe(`Bearer ${page.accountToken}`);
  });

  it("photos are uploaded unpublished from their urls, then attached to one post", async () => {
    const post = { text: "Two new blends.", link: "https://acme.example/blends", images: [image("a"), image("b")] };
    const published = await facebook.publish(post, page, tokens);
    const made = meta.posts.at(-1)!;
    expect(made.id).toBe(published.externalId);
    // Photos carry no link preview: the link follows the text.
    expect(made.message).toBe("Two new blends.\n\nhttps://acme.example/blends");
    expect(made.media).toEqual([
      { url: `${images.url}/img/a.jpg`, contentType: "image/jpeg", bytes: JPEG.length },
      { url: `${images.url}/img/b.jpg`, contentType: "image/jpeg", bytes: JPEG.length },
    ]);
    expect(images.requests.map((r) => r.url)).toEqual(expect.arrayContaining(["/img/a.jpg", "/img/b.jpg"]));
    expect(await facebook.findPublished(post, page, tokens)).toEqual(published);
  });

  it("findPublished finds a post by its exact text, and null otherwise", async () => {
    const post = { text: "Open late on Friday.", images: [] };
    const published = await facebook.publish(post, page, tokens);
    expect(await facebook.findPublished(post, page, tokens)).toEqual(published);
    expect(await facebook.findPublished({ text: "Open late on Friday", images: [] }, page, tokens)).toBeNull();
  });

  it("a duplicate is rejected in plain words", async () => {
    const post = { text: "Same words twice.", images: [] };
    await facebook.publish(post, page, tokens);
    const failure = await failureOf(facebook.publish(post, page, tokens));
    expect([failure.kind, failure.permanent]).toEqual(["rejected", true]);
    expect(failure.message).toBe(
      "Facebook refused the post as a duplicate of one already published: change the text, then retry publishing.",
    );
    expect(failure.detail).toContain("Duplicate status message");
  });

  it("an image Meta cannot fetch is rejected with Meta's reason", async () => {
    const broken = { ...image("x"), publicUrl: `${images.url}/missing.jpg` };
    const failure = await failureOf(facebook.publish({ text: "Broken image.", images: [broken] }, page, tokens));
    expect(failure.kind).toBe("rejected");
    expect(failure.message).toBe(
      "Facebook refused the post: Missing or invalid image file. Change the post, then retry publishing.",
    );
  });

  it("a removed permission is rejected with the next step", async () => {
    meta.failNext(403, 1, {
      error: { message: "(#200) The user hasn't authorized the application to perform this action", code: 200 },
    });
    const failure = await failureOf(facebook.publish({ text: "No rights.", images: [] }, page, tokens));
    expect(failure.kind).toBe("rejected");
    expect(failure.message).toMatch(/permission .* was removed .*: reconnect the channel in Channels/);
  });

  it("throttling is rate_limited with the wait Meta asked for; outages are unavailable", async () => {
    meta.failNext(429);
    const limited = await failureOf(facebook.publish({ text: "Busy.", images: [] }, page, tokens));
    expect([limited.kind, limited.retryable, limited.retryAfterMs]).toEqual(["rate_limited", true, 60_000]);
    // Graph's own way: error 32 and the Business Use Case header, in minutes.
    meta.failNext(
      400,
      1,
      { error: { message: "(#32) Page request limit reached", code: 32 } },
      {
        "x-business-use-case-usage": JSON.stringify({
          "1001": [{ type: "pages", call_count: 100, estimated_time_to_regain_access: 5 }],
        }),
      },
    );
    const pageLimited = await failureOf(facebook.publish({ text: "Busy.", images: [] }, page, tokens));
    expect([pageLimited.kind, pageLimited.retryAfterMs]).toEqual(["rate_limited", 300_000]);
    meta.failNext(500);
    const down = await failureOf(facebook.publish({ text: "Down.", images: [] }, page, tokens));
    expect([down.kind, down.retryable]).toEqual(["unavailable", true]);
    expect(meta.posts.some((p) => ["Busy.", "Down."].includes(p.message))).toBe(false);
  });

  it("a Meta that cannot be reached is unavailable", async () => {
    const offline = createFacebookProvider({
      clientId: "app-1",
      clientSecret: "app-secret",
      redirectUri,
      baseUrl: "http://127.0.0.1:1",
    });
    const failure = await failureOf(offline.publish({ text: "x", images: [] }, page, tokens));
    expect([failure.kind, failure.message]).toEqual(["unavailable", "Facebook did not answer: try again later."]);
  });
});

describe("publishing to Instagram", () => {
  let account: SocialAccount;
  let tokens: OAuthTokenSet;
  beforeAll(async () => {
    tokens = await connect(instagram);
    account = (await instagram.listAccounts(tokens))[0]!;
  });

  it("refuses a post without an image, before calling Meta", async () => {
    const before = meta.requests.length;
    const failure = await failureOf(instagram.publish({ text: "No picture.", images: [] }, account, tokens));
    expect([failure.kind, failure.network]).toEqual(["rejected", "instagram"]);
    expect(failure.message).toMatch(/^Instagram needs an image/);
    expect(meta.requests.length).toBe(before);
  });

  it("one image: a container from the image url and the caption, published, with its permalink", async () => {
    const post = { text: "Latte art #coffee", images: [image("latte")] };
    const published = await instagram.publish(post, account, tokens);
    const made = meta.posts.at(-1)!;
    expect(made).toMatchObject({ network: "instagram", accountId: account.externalId, message: post.text });
    expect(made.media).toHaveLength(1);
    expect(published).toEqual({ externalId: made.id, url: made.permalink });
    const paths = meta.requests.slice(-4).map((r) => `${r.method} ${r.path.split("?")[0]}`);
    expect(paths).toEqual([
      `POST /${GRAPH_VERSION}/${account.externalId}/media`,
      expect.stringMatching(new RegExp(`^GET /${GRAPH_VERSION}/\\d+$`)),
      `POST /${GRAPH_VERSION}/${account.externalId}/media_publish`,
      `GET /${GRAPH_VERSION}/${made.id}`,
    ]);
  });

  it("several images: a carousel of item containers", async () => {
    const post = { text: "Our three roasts.", images: [image("r1"), image("r2"), image("r3")] };
    const published = await instagram.publish(post, account, tokens);
    expect(meta.posts.at(-1)!.media.map((m) => m.url)).toEqual(post.images.map((i) => i.publicUrl));
    expect(JSON.parse(meta.requests.findLast((r) => r.body.includes("CAROUSEL"))!.body)).toMatchObject({
      media_type: "CAROUSEL",
      caption: post.text,
    });
    expect(await instagram.findPublished(post, account, tokens)).toEqual(published);
    expect(await instagram.findPublished({ text: "Our three roasts", images: [] }, account, tokens)).toBeNull();
  });

  it("an image Instagram could not process is rejected, and nothing is published", async () => {
    meta.setContainerStatus("ERROR");
    try {
      const before = meta.posts.length;
      const failure = await failureOf(
        instagram.publish({ text: "Odd image.", images: [image("odd")] }, account, tokens),
      );
      expect([failure.kind, failure.permanent]).toEqual(["rejected", true]);
      expect(failure.message).toMatch(/^Instagram could not process the image: /);
      expect(meta.posts.length).toBe(before);
    } finally {
      meta.setContainerStatus();
    }
  });

  it("an expired token is auth_expired; a scripted outage is unavailable", async () => {
    meta.failNext(503);
    expect((await failureOf(instagram.publish({ text: "x", images: [image("y")] }, account, tokens))).kind).toBe(
      "unavailable",
    );
    meta.expireAccessTokens();
    expect((await failureOf(instagram.findPublished({ text: "x", images: [] }, account, tokens))).kind).toBe(
      "auth_expired",
    );
  });
});
