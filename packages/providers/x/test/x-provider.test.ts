import {
  type OAuthTokenSet,
  pkcePair,
  type SocialAccount,
  type SocialImage,
  type SocialProvider,
  type SocialProviderError,
} from "@leadmetrics/provider-core";
import { approveConsent } from "@leadmetrics/provider-core/fake-oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createXProvider } from "../src";
import { type FakeX, startFakeX } from "../src/fake-server";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("it should fail") as never,
    (e) => e as SocialProviderError,
  );

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 9, 8, 7]);
const image: SocialImage = {
  bytes: JPEG,
  contentType: "image/jpeg",
  width: 1200,
  height: 675,
  publicUrl: "http://127.0.0.1:1/unused.jpg",
};

describe("X, against a local server speaking its OAuth 2.0 and v2 wire format", () => {
  let fake: FakeX;
  let x: SocialProvider;
  let tokens: OAuthTokenSet;
  let account: SocialAccount;
  const redirectUri = "https://app.example.com/channels/callback/x";

  beforeAll(async () => {
    fake = await startFakeX({ clientId: "x-client", clientSecret: "x-secret" });
    x = createXProvider({ clientId: "x-client", clientSecret: "x-secret", redirectUri, baseUrl: fake.url });
  });
  afterAll(() => fake.close());

  const connect = async () => {
    const pkce = pkcePair();
    const callback = new URL(await fake.approve(x.authorizeUrl({ state: "s", codeChallenge: pkce.challenge })));
    return x.exchangeCode({ code: callback.searchParams.get("code") ?? "", codeVerifier: pkce.verifier });
  };

  it("builds the authorization URL: client, callback, scopes, state and an S256 challenge", () => {
    expect(x.usesPkce).toBe(true);
    const url = new URL(x.authorizeUrl({ state: "st-1", codeChallenge: "chal" }));
    expect(url.origin + url.pathname).toBe(`${fake.url}/i/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "x-client",
      redirect_uri: redirectUri,
      scope: "tweet.read tweet.write users.read media.write offline.access",
      state: "st-1",
      code_challenge: "chal",
      code_challenge_method: "S256",
    });
    const production = createXProvider({ clientId: "c", clientSecret: "s", redirectUri });
    expect(production.authorizeUrl({ state: "s", codeChallenge: "c" })).toMatch(
      /^https:\/\/x\.com\/i\/oauth2\/authorize\?/,
    );
    expect(() => x.authorizeUrl({ state: "s" })).toThrow(/PKCE/);
  });

  it("connects: the code and its PKCE verifier become tokens, with HTTP Basic client authentication", async () => {
    const pkce = pkcePair();
    const callback = new URL(await fake.approve(x.authorizeUrl({ state: "st-1", codeChallenge: pkce.challenge })));
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("st-1");
    const code = callback.searchParams.get("code") ?? "";

    // The wrong verifier is refused: the code is only good with the verifier of its challenge.
    const wrong = await failureOf(x.exchangeCode({ code, codeVerifier: pkcePair().verifier }));
    expect([wrong.kind, wrong.status]).toEqual(["bad_request", 400]);

    tokens = await connect();
    expect(tokens.accessToken).toMatch(/^at_/);
    expect(tokens.refreshToken).toMatch(/^rt_/);
    expect(tokens.scopes).toEqual(["tweet.read", "tweet.write", "users.read", "media.write", "offline.access"]);
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7100_000);
    const call = fake.requests.findLast((r) => r.path === "/2/oauth2/token");
    expect(call?.headers.authorization).toBe(`Basic ${Buffer.from("x-client:x-secret").toString("base64")}`);

    const otherApp = createXProvider({ clientId: "x-client", clientSecret: "wrong", redirectUri, baseUrl: fake.url });
    const pkce2 = pkcePair();
    const back = new URL(await fake.approve(otherApp.authorizeUrl({ state: "s", codeChallenge: pkce2.challenge })));
    const refused = await failureOf(
      otherApp.exchangeCode({ code: back.searchParams.get("code") ?? "", codeVerifier: pkce2.verifier }),
    );
    expect([refused.kind, refused.status]).toEqual(["bad_request", 401]);
    expect(refused.message).toMatch(
      /^X refused the platform's app credentials: check the X app's client id and secret/,
    );
  });

  it("Deny sends the browser back with access_denied and the state", async () => {
    const back = new URL(await approveConsent(x.authorizeUrl({ state: "st-2", codeChallenge: "c" }), "deny"));
    expect([back.searchParams.get("error"), back.searchParams.get("state")]).toEqual(["access_denied", "st-2"]);
  });

  it("lists the signed-in user with handle and picture", async () => {
    const accounts = await x.listAccounts(tokens);
    expect(accounts).toEqual([
      {
        externalId: "1849302750120456192",
        name: "Acme Corp",
        type: "user",
        handle: "acmecorp",
        avatarUrl: "https://pbs.twimg.com/profile_images/1849302750120456192/acme_normal.jpg",
      },
    ]);
    account = accounts[0]!;
  });

  it("publishes text only", async () => {
    const published = await x.publish({ text: "Hello from Acme", images: [] }, account, tokens);
    expect(published.externalId).toMatch(/^\d+$/);
    expect(published.url).toBe(`${fake.url}/acmecorp/status/${published.externalId}`);
    expect(fake.posts.at(-1)).toMatchObject({ id: published.externalId, text: "Hello from Acme", media: [] });
  });

  it("publishes with images, uploaded as multipart to /2/media/upload", async () => {
    const published = await x.publish({ text: "Two photos", images: [image, image] }, account, tokens);
    const tweet = fake.posts.at(-1)!;
    expect(tweet.id).toBe(published.externalId);
    expect(tweet.media.map((m) => [m.category, m.contentType])).toEqual([
      ["tweet_image", "image/jpeg"],
      ["tweet_image", "image/jpeg"],
    ]);
    expect(new Uint8Array(tweet.media[0]!.bytes)).toEqual(JPEG);
  });

  it("finds a post by its exact text, though X answers it escaped, with t.co links and photo links", async () => {
    const text = "Q&A <live> today: https://acme.example/qa?x=1&y=2 #acme";
    const published = await x.publish({ text, images: [image] }, account, tokens);
    expect(await x.findPublished({ text, images: [] }, account, tokens)).toEqual(published);
    expect(await x.findPublished({ text: "Q&A <live> today", images: [] }, account, tokens)).toBeNull();
    const find = fake.requests.findLast((r) => r.path.startsWith(`/2/users/${account.externalId}/tweets`));
    expect(new URL(find!.path, fake.url).searchParams.get("tweet.fields")).toContain("entities");
  });

  it("a duplicate is rejected in plain words naming X and the next step", async () => {
    const failure = await failureOf(x.publish({ text: "Hello from Acme", images: [] }, account, tokens));
    expect([failure.kind, failure.permanent, failure.status]).toEqual(["rejected", true, 403]);
    expect(failure.message).toBe(
      "X refused the post as a duplicate of one already published: change the text, then retry publishing.",
    );
    expect(failure.detail).toContain("duplicate content");
  });

  it("refreshes with rotation: the new refresh token works, the old one needs reconnecting", async () => {
    const fresh = await x.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).not.toBe(tokens.refreshToken);
    expect((await x.listAccounts(fresh)).length).toBe(1);
    const old = await failureOf(x.refresh(tokens));
    expect([old.kind, old.permanent, old.status]).toEqual(["reauth_required", true, 400]);
    tokens = await x.refresh(fresh);

    fake.revokeRefreshTokens();
    const revoked = await failureOf(x.refresh(tokens));
    expect(revoked.kind).toBe("reauth_required");
    expect(revoked.message).toMatch(/^X no longer accepts this connection .*reconnect the channel in Channels\.$/);
  });

  it("an expired access token is auth_expired", async () => {
    const own = await connect();
    fake.expireAccessTokens();
    const failure = await failureOf(x.publish({ text: "Too late", images: [] }, account, own));
    expect([failure.kind, failure.retryable, failure.status]).toEqual(["auth_expired", true, 401]);
  });

  it("429 is rate_limited until x-rate-limit-reset; 5xx and no answer are unavailable", async () => {
    const own = await connect();
    fake.failNext(429);
    const limited = await failureOf(x.publish({ text: "Later", images: [] }, account, own));
    expect([limited.kind, limited.retryable]).toEqual(["rate_limited", true]);
    expect(limited.retryAfterMs).toBeGreaterThan(895_000);
    // The reset is whole epoch seconds, 900 s after the refusal (rounded up).
    expect(limited.retryAfterMs).toBeLessThanOrEqual(901_000);

    fake.failNext(503, 2);
    const broken = await failureOf(x.publish({ text: "Later", images: [image] }, account, own));
    expect([broken.kind, broken.retryable, broken.status]).toEqual(["unavailable", true, 503]);
    const refreshing = await failureOf(x.refresh(own));
    expect([refreshing.kind, refreshing.status]).toEqual(["unavailable", 503]);

    const gone = createXProvider({ clientId: "c", clientSecret: "s", redirectUri, baseUrl: "http://127.0.0.1:9" });
    const down = await failureOf(gone.listAccounts(own));
    expect([down.kind, down.message]).toEqual(["unavailable", "X did not answer: try again later."]);
  });

  it("a timeline nobody posted to finds nothing", async () => {
    const own = await connect();
    const stranger = { ...account, externalId: "42" };
    expect(await x.findPublished({ text: "Hello from Acme", images: [] }, stranger, own)).toBeNull();
  });
});
