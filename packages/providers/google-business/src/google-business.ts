import {
  expiresAtFrom,
  formBody,
  networkOrigin,
  type OAuthTokenSet,
  type PublishedPost,
  type SocialAccount,
  type SocialCallPurpose,
  type SocialPostInput,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
  socialHttp,
} from "@leadmetrics/provider-core";
import { googleFailure, LABEL, NETWORK } from "./failure";

export const GOOGLE_BUSINESS_SCOPES = ["https://www.googleapis.com/auth/business.manage"];

/**
 * Google's hosts for Business Profile. They serve disjoint paths (`/o/oauth2/v2/auth`, `/token`,
 * `/v1/accounts`, `/v1/accounts/{id}/locations`, `/v4/accounts/{id}/locations/{id}/localPosts`),
 * so one `baseUrl` can stand in for all of them without prefixes.
 */
const HOSTS = {
  auth: "https://accounts.google.com",
  token: "https://oauth2.googleapis.com",
  accounts: "https://mybusinessaccountmanagement.googleapis.com",
  info: "https://mybusinessbusinessinformation.googleapis.com",
  posts: "https://mybusiness.googleapis.com",
  /** Where a post without a search url yet (not live) can be seen: the owner's Business Profile manager. */
  manager: "https://business.google.com",
};

interface TokenAnswer {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
}

interface LocalPost {
  name: string;
  summary?: string;
  searchUrl?: string;
}

/**
 * Google Business Profile: Google OAuth 2.0 with PKCE (offline access, so a refresh token), the
 * locations of every account the person manages, and "What's new" local posts (v4 API), whose
 * photo Google fetches from its public url and whose link is the "Learn more" button.
 */
export function createGoogleBusinessProvider(config: SocialProviderConfig): SocialProvider {
  const host = Object.fromEntries(Object.entries(HOSTS).map(([k, v]) => [k, networkOrigin(config, v)])) as typeof HOSTS;
  const http = socialHttp(config, NETWORK, LABEL);

  async function token(
    fields: Record<string, string | undefined>,
    purpose: "connect" | "refresh",
  ): Promise<TokenAnswer> {
    const res = await http(`${host.token}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: formBody({ client_id: config.clientId, client_secret: config.clientSecret, ...fields }),
    });
    if (!res.ok || !(res.json as TokenAnswer | undefined)?.access_token) throw googleFailure(res, purpose);
    return res.json as TokenAnswer;
  }

  const tokenSet = (answer: TokenAnswer, previous?: OAuthTokenSet): OAuthTokenSet => ({
    accessToken: answer.access_token,
    // A refresh answers no new refresh token: the old one stays good.
    refreshToken: answer.refresh_token ?? previous?.refreshToken,
    expiresAt: expiresAtFrom(answer.expires_in),
    scopes: answer.scope ? answer.scope.split(" ") : (previous?.scopes ?? GOOGLE_BUSINESS_SCOPES),
  });

  async function api<T>(url: string, tokens: OAuthTokenSet, purpose: SocialCallPurpose, body?: unknown): Promise<T> {
    const res = await http(url, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        authorization: `Bearer ${tokens.accessToken}`,
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok || res.json === undefined) throw googleFailure(res, purpose);
    return res.json as T;
  }

  /** Every page of a Google list (`pageToken`/`nextPageToken`), capped so a paging loop ends. */
  async function listAll<T>(url: string, key: string, tokens: OAuthTokenSet): Promise<T[]> {
    const items: T[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 20; page++) {
      const sep = url.includes("?") ? "&" : "?";
      const res = await api<Record<string, unknown> & { nextPageToken?: string }>(
        `${url}${pageToken ? `${sep}pageToken=${encodeURIComponent(pageToken)}` : ""}`,
        tokens,
        "read",
      );
      items.push(...((res[key] as T[] | undefined) ?? []));
      pageToken = res.nextPageToken;
      if (!pageToken) break;
    }
    return items;
  }

  const managerUrl = `${host.manager}/locations`;
  const postsUrl = (account: SocialAccount) => `${host.posts}/v4/${account.externalId}/localPosts`;

  return {
    kind: "google_business",
    usesPkce: true,

    authorizeUrl({ state, codeChallenge }) {
      const q = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        response_type: "code",
        scope: GOOGLE_BUSINESS_SCOPES.join(" "),
        state,
        // Offline access with a fresh consent, so Google always answers a refresh token.
        access_type: "offline",
        prompt: "consent",
        include_granted_scopes: "true",
      });
      if (codeChallenge) {
        q.set("code_challenge", codeChallenge);
        q.set("code_challenge_method", "S256");
      }
      return `${host.auth}/o/oauth2/v2/auth?${q}`;
    },

    async exchangeCode({ code, codeVerifier }) {
      return tokenSet(
        await token(
          { grant_type: "authorization_code", code, redirect_uri: config.redirectUri, code_verifier: codeVerifier },
          "connect",
        ),
      );
    },

    async refresh(tokens) {
      if (!tokens.refreshToken)
        throw new SocialProviderError(
          NETWORK,
          "reauth_required",
          `${LABEL} gave this connection no refresh token: reconnect the channel in Channels.`,
        );
      return tokenSet(
        await token({ grant_type: "refresh_token", refresh_token: tokens.refreshToken }, "refresh"),
        tokens,
      );
    },

    async listAccounts(tokens) {
      const accounts = await listAll<{ name: string; accountName?: string }>(
        `${host.accounts}/v1/accounts?pageSize=20`,
        "accounts",
        tokens,
      );
      const found: SocialAccount[] = [];
      for (const account of accounts) {
        const locations = await listAll<{ name: string; title?: string }>(
          `${host.info}/v1/${account.name}/locations?readMask=name,title&pageSize=100`,
          "locations",
          tokens,
        );
        for (const location of locations)
          found.push({
            // The v4 posts API names a location under its account: accounts/1/locations/2.
            externalId: `${account.name}/${location.name}`,
            name: location.title ?? location.name,
            type: "location",
          });
      }
      return found;
    },

    async findPublished(post: SocialPostInput, account: SocialAccount, tokens: OAuthTokenSet) {
      const posts = await listAll<LocalPost>(`${postsUrl(account)}?pageSize=100`, "localPosts", tokens);
      const found = posts.find((p) => p.summary === post.text);
      return found ? { externalId: found.name, url: found.searchUrl ?? managerUrl } : null;
    },

    async publish(post: SocialPostInput, account: SocialAccount, tokens: OAuthTokenSet): Promise<PublishedPost> {
      const created = await api<LocalPost>(postsUrl(account), tokens, "publish", {
        languageCode: "en",
        summary: post.text,
        topicType: "STANDARD",
        ...(post.images.length > 0
          ? { media: post.images.map((image) => ({ mediaFormat: "PHOTO", sourceUrl: image.publicUrl })) }
          : {}),
        ...(post.link ? { callToAction: { actionType: "LEARN_MORE", url: post.link } } : {}),
      });
      return { externalId: created.name, url: created.searchUrl ?? managerUrl };
    },
  };
}
