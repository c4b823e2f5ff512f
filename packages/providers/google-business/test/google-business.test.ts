import {
  type OAuthTokenSet,
  pkcePair,
  type SocialAccount,
  type SocialImage,
  type SocialProvider,
  type SocialProviderError,
} from "@leadmetrics/provider-core";
import { type FakeHttpServer, startFakeHttpServer } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGoogleBusinessProvider } from "../src";
import { type FakeGoogleBusiness, startFakeGoogleBusiness } from "../src/fake-server";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("it should fail") as never,
    (e) => e as SocialProviderError,
  );

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex");
const redirectUri = "http://127.0.0.1:3000/channels/callback";

let google: FakeGoogleBusiness;
let images: FakeHttpServer;
let provider: SocialProvider;

beforeAll(async () => {
  google = await startFakeGoogleBusiness({ clientId: "gbp-client", clientSecret: "gbp-secret" });
  // The photo's public url: Google fetches it itself.
  images = await startFakeHttpServer((req, res) => {
    if (req.url === "/photo.png") {
      res.writeHead(200, { "content-type": "image/png" });
      res.end(PNG);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  provider = createGoogleBusinessProvider({
    clientId: "gbp-client",
    clientSecret: "gbp-secret",
    redirectUri,
    baseUrl: google.url,
  });
});
afterAll(async () => {
  await google.close();
  await images.close();
});

const photo = (path = "/photo.png"): SocialImage => ({
  bytes: new Uint8Array(PNG),
  contentType: "image/png",
  width: 1200,
  height: 900,
  publicUrl: `${images.url}${path}`,
});

async function connect(): Promise<OAuthTokenSet> {
  const { verifier, challenge } = pkcePair();
  const callback = new URL(await google.approve(provider.authorizeUrl({ state: "st-1", codeChallenge: challenge })));
  expect(callback.searchParams.get("state")).toBe("st-1");
  return provider.exchangeCode({ code: callback.searchParams.get("code")!, codeVerifier: verifier });
}

describe("Google sign-in", () => {
  it("sends the person to Google's consent page with the state, the PKCE challenge and offline access", () => {
    const url = new URL(provider.authorizeUrl({ state: "abc", codeChallenge: "challenge-123" }));
    expect(provider.usesPkce).toBe(true);
    expect(url.origin + url.pathname).toBe(`${google.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "gbp-client",
      redirect_uri: redirectUri,
      response_type: "code",
      scope: "https://www.googleapis.com/auth/business.manage",
      state: "abc",
      access_type: "offline",
      prompt: "consent",
      include_granted_scopes: "true",
      code_challenge: "challenge-123",
      code_challenge_method: "S256",
    });
    const real = createGoogleBusinessProvider({ clientId: "a", clientSecret: "b", redirectUri });
    expect(real.authorizeUrl({ state: "s" })).toMatch(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/);
  });

  it("Deny comes back with error=access_denied and the state", async () => {
    const denied = new URL(await google.approve(provider.authorizeUrl({ state: "st-2", codeChallenge: "c" }), "deny"));
    expect([denied.searchParams.get("error"), denied.searchParams.get("state")]).toEqual(["access_denied", "st-2"]);
  });

  it("connecting trades the code and the verifier for an access token and a refresh token", async () => {
    const tokens = await connect();
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scopes).toEqual(["https://www.googleapis.com/auth/business.manage"]);
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(3500_000);
    const exchange = google.requests.findLast((r) => r.path === "/token")!;
    expect(Object.fromEntries(new URLSearchParams(exchange.body))).toMatchObject({
      grant_type: "authorization_code",
      client_id: "gbp-client",
      client_secret: "gbp-secret",
      redirect_uri: redirectUri,
      code_verifier: expect.any(String),
    });
  });

  it("a wrong PKCE verifier is refused", async () => {
    const { challenge } = pkcePair();
    const callback = new URL(await google.approve(provider.authorizeUrl({ state: "s", codeChallenge: challenge })));
    const failure = await failureOf(
      provider.exchangeCode({ code: callback.searchParams.get("code")!, codeVerifier: pkcePair().verifier }),
    );
    expect([failure.kind, failure.network]).toEqual(["bad_request", "google_business"]);
    expect(failure.message).toMatch(/^Google Business Profile did not accept the sign-in/);
    expect(failure.detail).toContain("Invalid code verifier");
  });

  it("lists every location of every account the person manages", async () => {
    const accounts = await provider.listAccounts(await connect());
    expect(accounts).toEqual([
      { externalId: "accounts/1/locations/2", name: "Acme Coffee, Main Street", type: "location" },
      { externalId: "accounts/1/locations/3", name: "Acme Coffee, Harbour", type: "location" },
      { externalId: "accounts/9/locations/7", name: "Eve's Bakery", type: "location" },
    ]);
    expect(google.requests.at(-1)!.path).toBe("/v1/accounts/9/locations?readMask=name,title&pageSize=100");
  });

  it("refresh gives a new access token and keeps the refresh token; a revoked one needs reconnecting", async () => {
    const tokens = await connect();
    const fresh = await provider.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    expect(await provider.listAccounts(fresh)).toHaveLength(3);
    google.revokeRefreshTokens();
    const failure = await failureOf(provider.refresh(fresh));
    expect([failure.kind, failure.permanent]).toEqual(["reauth_required", true]);
    expect(failure.message).toMatch(
      /^Google Business Profile no longer accepts this connection .*: reconnect the channel in Channels\.$/,
    );
    expect(failure.detail).toContain("Token has been expired or revoked");
  });

  it("an expired access token is auth_expired, and a refresh makes it work again", async () => {
    const tokens = await connect();
    google.expireAccessTokens();
    const failure = await failureOf(provider.listAccounts(tokens));
    expect([failure.kind, failure.status, failure.retryable]).toEqual(["auth_expired", 401, true]);
    expect(failure.detail).toContain("UNAUTHENTICATED");
    expect(await provider.listAccounts(await provider.refresh(tokens))).toHaveLength(3);
  });
});

describe("tokens that run out", () => {
  it("an access token past its lifetime is auth_expired", async () => {
    const shortLived = await startFakeGoogleBusiness({
      clientId: "gbp-client",
      clientSecret: "gbp-secret",
      accessTokenTtlSeconds: 1,
    });
    try {
      const gbp = createGoogleBusinessProvider({
        clientId: "gbp-client",
        clientSecret: "gbp-secret",
        redirectUri,
        baseUrl: shortLived.url,
      });
      const { verifier, challenge } = pkcePair();
      const callback = new URL(await shortLived.approve(gbp.authorizeUrl({ state: "s", codeChallenge: challenge })));
      const tokens = await gbp.exchangeCode({ code: callback.searchParams.get("code")!, codeVerifier: verifier });
      expect(tokens.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(1000);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await failureOf(gbp.listAccounts(tokens))).kind).toBe("auth_expired");
    } finally {
      await shortLived.close();
    }
  });
});

describe("publishing local posts", () => {
  let tokens: OAuthTokenSet;
  let location: SocialAccount;
  beforeAll(async () => {
    tokens = await connect();
    location = (await provider.listAccounts(tokens))[0]!;
  });

  it("a text post is a STANDARD local post; its name and search url come back", async () => {
    const published = await provider.publish({ text: "Open until 9 tonight.", images: [] }, location, tokens);
    const made = google.posts.at(-1)!;
    expect(published).toEqual({ externalId: made.name, url: made.searchUrl });
    expect(made.name).toMatch(/^accounts\/1\/locations\/2\/localPosts\/\d+$/);
    expect(made).toMatchObject({
      summary: "Open until 9 tonight.",
      topicType: "STANDARD",
      languageCode: "en",
      media: [],
    });
    expect(made.callToAction).toBeUndefined();
    expect(google.requests.at(-1)!.authorization).toBe(`Bearer ${tokens.accessToken}`);
  });

  it("a photo is fetched by Google from its url, and the link is the Learn more button", async () => {
    const post = { text: "New autumn menu.", link: "https://acme.example/menu", images: [photo()] };
    const published = await provider.publish(post, location, tokens);
    const made = google.posts.at(-1)!;
    expect(made.name).toBe(published.externalId);
    expect(made.media).toEqual([{ url: `${images.url}/photo.png`, contentType: "image/png", bytes: PNG.length }]);
    expect(made.callToAction).toEqual({ actionType: "LEARN_MORE", url: "https://acme.example/menu" });
    expect(images.requests.at(-1)!.url).toBe("/photo.png");
    expect(JSON.parse(google.requests.at(-1)!.body)).toEqual({
      languageCode: "en",
      summary: post.text,
      topicType: "STANDARD",
      media: [{ mediaFormat: "PHOTO", sourceUrl: `${images.url}/photo.png` }],
      callToAction: { actionType: "LEARN_MORE", url: "https://acme.example/menu" },
    });
  });

  it("findPublished finds a post by its exact text, and null otherwise", async () => {
    const post = { text: "Live music on Saturday.", images: [] };
    const published = await provider.publish(post, location, tokens);
    expect(await provider.findPublished(post, location, tokens)).toEqual(published);
    expect(await provider.findPublished({ text: "Live music on Saturday!", images: [] }, location, tokens)).toBeNull();
    // Another location's posts are not this one's.
    const other = { ...location, externalId: "accounts/1/locations/3" };
    expect(await provider.findPublished(post, other, tokens)).toBeNull();
  });

  it("a policy refusal is rejected with Google's reason in plain words", async () => {
    const failure = await failureOf(
      provider.publish({ text: "Call us on +44 20 7946 0958.", images: [] }, location, tokens),
    );
    expect([failure.kind, failure.permanent, failure.status]).toEqual(["rejected", true, 400]);
    expect(failure.message).toBe(
      "Google Business Profile refused the post: Phone numbers are not allowed in the post summary. Change the post, then retry publishing.",
    );
    expect(failure.detail).toContain("INVALID_ARGUMENT");
  });

  it("a photo Google cannot fetch is rejected", async () => {
    const failure = await failureOf(
      provider.publish({ text: "Broken photo.", images: [photo("/gone.png")] }, location, tokens),
    );
    expect(failure.message).toMatch(/^Google Business Profile refused the post: The photo could not be fetched/);
  });

  it("PERMISSION_DENIED and FAILED_PRECONDITION are rejected with the message; a gone location is bad_request", async () => {
    google.failNext(403, 1, {
      error: { code: 403, message: "The caller does not have permission", status: "PERMISSION_DENIED" },
    });
    const denied = await failureOf(provider.publish({ text: "x", images: [] }, location, tokens));
    expect([denied.kind, denied.message]).toEqual([
      "rejected",
      "Google Business Profile refused (The caller does not have permission): check that the connected Google account still manages this location, then reconnect in Channels.",
    ]);
    google.failNext(400, 1, {
      error: { code: 400, message: "Location is not verified.", status: "FAILED_PRECONDITION" },
    });
    expect((await failureOf(provider.publish({ text: "x", images: [] }, location, tokens))).message).toBe(
      "Google Business Profile refused the post: Location is not verified. Change the post, then retry publishing.",
    );
    const gone = { ...location, externalId: "accounts/1/locations/404" };
    expect((await failureOf(provider.publish({ text: "x", images: [] }, gone, tokens))).kind).toBe("bad_request");
  });

  it("429 is rate_limited with the wait asked for; 5xx and no answer are unavailable", async () => {
    google.failNext(429);
    const limited = await failureOf(provider.publish({ text: "Busy.", images: [] }, location, tokens));
    expect([limited.kind, limited.retryable, limited.retryAfterMs]).toEqual(["rate_limited", true, 60_000]);
    expect(limited.detail).toContain("RESOURCE_EXHAUSTED");
    google.failNext(500);
    const down = await failureOf(provider.publish({ text: "Down.", images: [] }, location, tokens));
    expect([down.kind, down.retryable, down.status]).toEqual(["unavailable", true, 500]);
    expect(google.posts.some((p) => ["Busy.", "Down."].includes(p.summary))).toBe(false);
    const offline = createGoogleBusinessProvider({
      clientId: "gbp-client",
      clientSecret: "gbp-secret",
      redirectUri,
      baseUrl: "http://127.0.0.1:1",
      timeoutMs: 2000,
    });
    const unreachable = await failureOf(offline.publish({ text: "x", images: [] }, location, tokens));
    expect([unreachable.kind, unreachable.message]).toEqual([
      "unavailable",
      "Google Business Profile did not answer: try again later.",
    ]);
  });

  it("a refresh the token endpoint cannot serve (5xx) is worth retrying, not a reconnect", async () => {
    google.failNext(503);
    expect((await failureOf(provider.refresh(tokens))).kind).toBe("unavailable");
  });
});
