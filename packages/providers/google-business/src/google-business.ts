import {
  bearer,
  callSocial,
  type OAuthTokenSet,
  type PublishedPost,
  requestTokens,
  type SocialAccount,
  type SocialPostInput,
  type SocialProvider,
  type SocialProviderConfig,
  SocialProviderError,
} from "@leadmetrics/provider-core";
import { GOOGLE_BUSINESS, LABEL, NETWORK } from "./failure";

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
  const origin = config.baseUrl?.replace(/\/+$/, "");
  const host = Object.fromEntries(Object.entries(HOSTS).map(([k, v]) => [k, origin ?? v])) as typeof HOSTS;

  async function api<T>(url: string, tokens: OAuthTokenSet, body?: unknown): Promise<T> {
    const res = await callSocial(config, GOOGLE_BUSINESS, url, {
      method: body === undefined ? "GET" : "POST",
      headers: {
        ...bearer(tokens),
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.json === undefined || res.json === null || typeof res.json !== "object")
      throw new SocialProviderError(
        NETWORK,
        "unavailable",
        `${LABEL} answered something that is not its API: try again later.`,
        {
          status: res.status,
          detail: res.text.slice(0, 2000),
        },
      );
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

    exchangeCode({ code, codeVerifier }) {
      return requestTokens(config, GOOGLE_BUSINESS, {
        url: `${host.token}/token`,
        form: {
          grant_type: "authorization_code",
          code,
          redirect_uri: config.redirectUri,
          ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
        },
        clientAuth: "form",
      });
    },

    async refresh(tokens) {
      if (!tokens.refreshToken)
        throw new SocialProviderError(
          NETWORK,
          "reauth_required",
          `${LABEL} gave this connection no refresh token: reconnect the channel in Channels.`,
        );
      // Google answers no new refresh token: the old one stays good (requestTokens keeps it).
      return requestTokens(config, GOOGLE_BUSINESS, {
        url: `${host.token}/token`,
        form: { grant_type: "refresh_token", refresh_token: tokens.refreshToken },
        clientAuth: "form",
        previous: tokens,
      });
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
      const created = await api<LocalPost>(postsUrl(account), tokens, {
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
