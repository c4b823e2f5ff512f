import type {
  OAuthTokenSet,
  SocialAccount,
  SocialImage,
  SocialProvider,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { approveConsent } from "@leadmetrics/provider-core/fake-oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLinkedInProvider, fromLittleText, toLittleText } from "../src";
import { type FakeLinkedIn, startFakeLinkedIn } from "../src/fake-server";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("it should fail") as never,
    (e) => e as SocialProviderError,
  );

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const image: SocialImage = {
  bytes: PNG,
  contentType: "image/png",
  width: 1200,
  height: 627,
  publicUrl: "http://127.0.0.1:1/unused.png",
};

describe("LinkedIn, against a local server speaking its OAuth and REST wire format", () => {
  let fake: FakeLinkedIn;
  let linkedin: SocialProvider;
  let tokens: OAuthTokenSet;
  let accounts: SocialAccount[];
  const redirectUri = "https://app.example.com/channels/callback/linkedin";

  beforeAll(async () => {
    fake = await startFakeLinkedIn({ clientId: "li-client", clientSecret: "li-secret" });
    linkedin = createLinkedInProvider({
      clientId: "li-client",
      clientSecret: "li-secret",
      redirectUri,
      baseUrl: fake.url,
    });
  });
  afterAll(() => fake.close());

  const connect = async () => {
    const callback = new URL(await fake.approve(linkedin.authorizeUrl({ state: "st-1" })));
    return linkedin.exchangeCode({ code: callback.searchParams.get("code") ?? "" });
  };

  it("builds the authorization URL: client, callback, state and scopes, no PKCE", () => {
    expect(linkedin.usesPkce).toBe(false);
    const url = new URL(linkedin.authorizeUrl({ state: "st-1" }));
    expect(url.origin + url.pathname).toBe(`${fake.url}/oauth/v2/authorization`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "li-client",
      redirect_uri: redirectUri,
      state: "st-1",
      scope: "openid profile w_member_social w_organization_social r_organization_admin",
    });
    const production = createLinkedInProvider({ clientId: "c", clientSecret: "s", redirectUri });
    expect(production.authorizeUrl({ state: "s" })).toMatch(
      /^https:\/\/www\.linkedin\.com\/oauth\/v2\/authorization\?/,
    );
  });

  it("connects: Allow sends the browser back with a code and the state; the code becomes tokens once", async () => {
    const callback = new URL(await fake.approve(linkedin.authorizeUrl({ state: "st-1" })));
    expect(callback.origin + callback.pathname).toBe(redirectUri);
    expect(callback.searchParams.get("state")).toBe("st-1");
    const code = callback.searchParams.get("code") ?? "";
    tokens = await linkedin.exchangeCode({ code });
    expect(tokens.accessToken).toMatch(/^at_/);
    expect(tokens.refreshToken).toMatch(/^rt_/);
    expect(tokens.scopes).toEqual([
      "openid",
      "profile",
      "w_member_social",
      "w_organization_social",
      "r_organization_admin",
    ]);
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600_000);
    expect(tokens.refreshExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 364 * 24 * 3600_000);
    const tokenCall = fake.requests.find((r) => r.path === "/oauth/v2/accessToken");
    expect(tokenCall?.headers["content-type"]).toBe("application/x-www-form-urlencoded");

    const reused = await failureOf(linkedin.exchangeCode({ code }));
    expect([reused.kind, reused.status]).toEqual(["bad_request", 400]);
  });

  it("Deny sends the browser back with access_denied and the state", async () => {
    const back = new URL(await approveConsent(linkedin.authorizeUrl({ state: "st-2" }), "deny"));
    expect([back.searchParams.get("error"), back.searchParams.get("state")]).toEqual(["access_denied", "st-2"]);
  });

  it("lists the member and the organisations they administer", async () => {
    accounts = await linkedin.listAccounts(tokens);
    expect(accounts).toEqual([
      { externalId: "urn:li:person:aBcD123", name: "Lena Lead", type: "member", avatarUrl: undefined },
      {
        externalId: "urn:li:organization:2414183",
        name: "Acme Corp",
        type: "organization",
        handle: "acme",
        avatarUrl: `${fake.url}/media/${encodeURIComponent("urn:li:image:logo2414183")}`,
      },
    ]);
    const acl = fake.requests.find((r) => r.path.startsWith("/rest/organizationAcls"));
    expect(acl?.path).toBe("/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&start=0&count=100");
    expect(acl?.headers["linkedin-version"]).toMatch(/^\d{6}$/);
    expect(acl?.headers["x-restli-protocol-version"]).toBe("2.0.0");
  });

  it("reads every page of a long list of organisations", async () => {
    const organizations = Array.from({ length: 101 }, (_, i) => ({ id: 1000 + i, name: `Org ${i}` }));
    const big = await startFakeLinkedIn({ clientId: "c", clientSecret: "s", organizations });
    try {
      const provider = createLinkedInProvider({ clientId: "c", clientSecret: "s", redirectUri, baseUrl: big.url });
      const callback = new URL(await big.approve(provider.authorizeUrl({ state: "s" })));
      const own = await provider.exchangeCode({ code: callback.searchParams.get("code") ?? "" });
      const listed = await provider.listAccounts(own);
      expect(listed).toHaveLength(102);
      expect(listed.at(-1)?.externalId).toBe("urn:li:organization:1100");
    } finally {
      await big.close();
    }
  });

  it("publishes text as the organisation; the text survives LinkedIn's reserved characters", async () => {
    const text = "Spring offers (up to 20% off) for [members] *only* @ Acme_Corp #spring https://acme.example/a_b(c)";
    const published = await linkedin.publish({ text, images: [] }, accounts[1]!, tokens);
    expect(published.externalId).toMatch(/^urn:li:share:\d+$/);
    expect(published.url).toBe(`${fake.url}/feed/update/${published.externalId}/`);
    const stored = fake.posts.at(-1)!;
    expect([stored.author, stored.text, stored.media]).toEqual(["urn:li:organization:2414183", text, []]);
    expect(stored.commentary).toContain("\\(up to 20% off\\)");
    expect(stored.commentary).toContain(" #spring ");
    expect(fromLittleText(toLittleText(text))).toBe(text);
  });

  it("publishes with images, uploaded the Images API's way", async () => {
    const one = await linkedin.publish({ text: "One picture", images: [image] }, accounts[0]!, tokens);
    expect(fake.posts.at(-1)).toMatchObject({ urn: one.externalId, author: "urn:li:person:aBcD123" });
    expect(fake.posts.at(-1)!.media).toHaveLength(1);
    expect(fake.posts.at(-1)!.media[0]!.contentType).toBe("image/png");
    expect(new Uint8Array(fake.posts.at(-1)!.media[0]!.bytes)).toEqual(PNG);

    await linkedin.publish({ text: "Two pictures", images: [image, image] }, accounts[0]!, tokens);
    expect(fake.posts.at(-1)!.media.map((m) => m.urn)).toHaveLength(2);
    expect(fake.requests.filter((r) => r.path === "/rest/images?action=initializeUpload")).toHaveLength(3);
  });

  it("finds a post already published by its exact text, and nothing otherwise", async () => {
    const text = "Findable: our (new) office opens Monday #news";
    const published = await linkedin.publish({ text, images: [] }, accounts[1]!, tokens);
    expect(await linkedin.findPublished({ text, images: [] }, accounts[1]!, tokens)).toEqual(published);
    expect(await linkedin.findPublished({ text: `${text}!`, images: [] }, accounts[1]!, tokens)).toBeNull();
    expect(await linkedin.findPublished({ text, images: [] }, accounts[0]!, tokens)).toBeNull();
    const find = fake.requests.findLast((r) => r.path.startsWith("/rest/posts?"));
    expect(new URL(find!.path, fake.url).searchParams.get("q")).toBe("author");
  });

  it("a duplicate is rejected in plain words naming LinkedIn and the next step", async () => {
    await linkedin.publish({ text: "Said once", images: [] }, accounts[0]!, tokens);
    const failure = await failureOf(linkedin.publish({ text: "Said once", images: [] }, accounts[0]!, tokens));
    expect([failure.kind, failure.permanent, failure.status]).toEqual(["rejected", true, 422]);
    expect(failure.message).toBe(
      "LinkedIn refused the post as a duplicate of one already published: change the text, then retry publishing.",
    );
    expect(failure.detail).toContain("Content is a duplicate of urn:li:share:");
  });

  it("posting as an organisation the member does not administer is rejected with the next step", async () => {
    const stranger = { externalId: "urn:li:organization:999", name: "Other", type: "organization" };
    const failure = await failureOf(linkedin.publish({ text: "Hi", images: [] }, stranger, tokens));
    expect([failure.kind, failure.status]).toEqual(["rejected", 403]);
    expect(failure.message).toMatch(/^LinkedIn does not allow .* reconnect the channel in Channels\.$/);
  });

  it("refreshes: a new access token on the same refresh token; a revoked grant needs reconnecting", async () => {
    const fresh = await linkedin.refresh(tokens);
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    expect(fresh.scopes).toEqual(tokens.scopes);
    expect((await linkedin.listAccounts(fresh)).length).toBe(2);
    tokens = fresh;

    const other = await connect();
    fake.revokeRefreshTokens();
    const failure = await failureOf(linkedin.refresh(other));
    expect([failure.kind, failure.permanent, failure.status]).toEqual(["reauth_required", true, 400]);
    expect(failure.message).toMatch(
      /^LinkedIn no longer accepts this connection .*reconnect the channel in Channels\.$/,
    );
  });

  it("an expired access token is auth_expired", async () => {
    const own = await connect();
    fake.expireAccessTokens();
    const failure = await failureOf(linkedin.listAccounts(own));
    expect([failure.kind, failure.retryable, failure.status]).toEqual(["auth_expired", true, 401]);
  });

  it("the fake's tokens expire on their own after accessTokenTtlSeconds", async () => {
    const shortLived = await startFakeLinkedIn({ clientId: "c", clientSecret: "s", accessTokenTtlSeconds: 1 });
    try {
      const provider = createLinkedInProvider({
        clientId: "c",
        clientSecret: "s",
        redirectUri,
        baseUrl: shortLived.url,
      });
      const callback = new URL(await shortLived.approve(provider.authorizeUrl({ state: "s" })));
      const own = await provider.exchangeCode({ code: callback.searchParams.get("code") ?? "" });
      expect(await provider.listAccounts(own)).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await failureOf(provider.listAccounts(own))).kind).toBe("auth_expired");
    } finally {
      await shortLived.close();
    }
  });

  it("throttling is rate_limited with the wait; a server error or no answer is unavailable", async () => {
    const own = await connect();
    fake.failNext(429);
    const limited = await failureOf(linkedin.publish({ text: "Later", images: [] }, accounts[0]!, own));
    expect([limited.kind, limited.retryable, limited.retryAfterMs]).toEqual(["rate_limited", true, 60_000]);

    fake.failNext(500);
    const broken = await failureOf(linkedin.publish({ text: "Later", images: [] }, accounts[0]!, own));
    expect([broken.kind, broken.retryable, broken.status]).toEqual(["unavailable", true, 500]);
    expect(broken.message).toBe("LinkedIn had a server error (HTTP 500): publishing is retried later.");

    const gone = createLinkedInProvider({
      clientId: "c",
      clientSecret: "s",
      redirectUri,
      baseUrl: "http://127.0.0.1:9",
    });
    const down = await failureOf(gone.listAccounts(own));
    expect([down.kind, down.retryable, down.message]).toEqual([
      "unavailable",
      true,
      "LinkedIn did not answer: try again later.",
    ]);
  });

  it("every call goes through the configured fetch", async () => {
    const seen: string[] = [];
    const own = await connect();
    const counted = createLinkedInProvider({
      clientId: "li-client",
      clientSecret: "li-secret",
      redirectUri,
      baseUrl: fake.url,
      fetch: (input, init) => {
        seen.push(String(input));
        return fetch(input, init);
      },
    });
    await counted.publish({ text: "Through the guarded fetch", images: [image] }, accounts[0]!, own);
    expect(seen.map((u) => new URL(u).pathname)).toEqual([
      "/rest/images",
      expect.stringMatching(/^\/dms-uploads\//),
      "/rest/posts",
    ]);
  });
});
