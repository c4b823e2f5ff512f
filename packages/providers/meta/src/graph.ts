import {
  expiresAtFrom,
  type HttpResult,
  networkOrigin,
  type OAuthTokenSet,
  parseRetryAfter,
  refusalMessage,
  type SocialCallPurpose,
  type SocialProviderConfig,
  SocialProviderError,
  socialHttp,
  transientFailure,
} from "@leadmetrics/provider-core";

/** The Graph API version every call names: pinned, so Meta's changes arrive when we move it. */
export const GRAPH_VERSION = "v21.0";

const WWW = "https://www.facebook.com";
const GRAPH = "https://graph.facebook.com";

export type MetaNetwork = "facebook" | "instagram";

/** A Graph API error body: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  fbtrace_id?: string;
}

/** Graph's throttling codes: app, user, page and per-call limits. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613]);

/** Graph prefixes its messages with the code ("(#506) Duplicate status message"): people need only the words. */
const plainMessage = (message: string | undefined) =>
  (message ?? "").replace(/^\(#\d+\)\s*/, "").replace(/\.$/, "") || "no reason given";

/**
 * How long Meta asked us to wait: Retry-After where a proxy set it, else the Business Use Case
 * header's `estimated_time_to_regain_access` (minutes), which is how the Graph API says it.
 */
function retryAfterOf(headers: Headers): number | undefined {
  const header = parseRetryAfter(headers.get("retry-after"));
  if (header !== undefined) return header;
  try {
    const usage = JSON.parse(headers.get("x-business-use-case-usage") ?? "{}") as Record<
      string,
      { estimated_time_to_regain_access?: number }[]
    >;
    const minutes = Math.max(
      0,
      ...Object.values(usage)
        .flat()
        .map((u) => u.estimated_time_to_regain_access ?? 0),
    );
    return minutes > 0 ? minutes * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

/** A Graph API answer that is not a success, as the platform acts on it. */
export function graphFailure(
  network: MetaNetwork,
  label: string,
  res: HttpResult,
  purpose: SocialCallPurpose,
): SocialProviderError {
  const error = ((res.json as { error?: GraphErrorBody } | undefined)?.error ?? {}) as GraphErrorBody;
  const code = error.code;
  const detail = `HTTP ${res.status} ${res.text.slice(0, 2000)}`;
  const status = res.status;
  const reason = plainMessage(error.message);
  if (code === 190 || status === 401)
    return purpose === "refresh"
      ? new SocialProviderError(
          network,
          "reauth_required",
          `${label} ended the connection (${reason}): reconnect the channel in Channels.`,
          { status, detail },
        )
      : new SocialProviderError(network, "auth_expired", `${label} no longer accepts the connection's token.`, {
          status,
          detail,
        });
  if ((code !== undefined && RATE_LIMIT_CODES.has(code)) || status === 429)
    return new SocialProviderError(
      network,
      "rate_limited",
      `${label} is limiting requests: publishing retries later.`,
      {
        status,
        retryAfterMs: retryAfterOf(res.headers),
        detail,
      },
    );
  // 1 and 2 are Graph's "unknown error" and "service temporarily unavailable": its own outages.
  if (code === 1 || code === 2)
    return new SocialProviderError(network, "unavailable", `${label} is having problems: publishing retries later.`, {
      status,
      detail,
    });
  const transient = transientFailure(network, label, res);
  if (transient) return transient;
  if (code === 506)
    return new SocialProviderError(
      network,
      "rejected",
      `${label} refused the post as a duplicate of one already published: change the text, then retry publishing.`,
      { status, detail },
    );
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299))
    return new SocialProviderError(
      network,
      "rejected",
      `${label} refused: a permission the platform needs was removed (${reason}): reconnect the channel in Channels and allow every permission asked for.`,
      { status, detail },
    );
  // 100/33: the Page or account is gone, or the token no longer reaches it.
  if (code === 100 && error.error_subcode === 33)
    return new SocialProviderError(
      network,
      "bad_request",
      `${label} no longer finds this account (deleted, or access to it was removed): reconnect the channel in Channels.`,
      { status, detail },
    );
  return new SocialProviderError(network, "rejected", refusalMessage(label, reason, purpose), { status, detail });
}

export interface GraphPage {
  id: string;
  name: string;
  access_token?: string;
  picture?: { data?: { url?: string } };
  instagram_business_account?: { id: string; username?: string; profile_picture_url?: string };
}

type Params = Record<string, string | undefined>;

/** The Graph API as the Facebook and Instagram providers use it: Facebook Login, tokens, calls. */
export function createGraphClient(config: SocialProviderConfig, network: MetaNetwork, label: string, scopes: string[]) {
  const www = networkOrigin(config, WWW);
  const graph = networkOrigin(config, GRAPH);
  const http = socialHttp(config, network, label);

  const query = (params: Params) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : "";
  };

  /** One Graph call; the token goes in the Authorization header, never in a URL that gets logged. */
  async function call<T>(
    method: "GET" | "POST",
    path: string,
    purpose: SocialCallPurpose,
    opts: { token?: string; params?: Params; body?: Record<string, unknown> } = {},
  ): Promise<T> {
    const res = await http(`${graph}/${GRAPH_VERSION}${path}${query(opts.params ?? {})}`, {
      method,
      headers: {
        accept: "application/json",
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body ? { "content-type": "application/json" } : {}),
      },
      body: opts.body ? JSON.stringify(opts.body) : undefined,
    });
    if (!res.ok || res.json === undefined) throw graphFailure(network, label, res, purpose);
    return res.json as T;
  }

  /** The long-lived (about 60 days) user token for a short-lived one, or for itself while it works. */
  async function exchangeForLongLived(token: string, purpose: "connect" | "refresh"): Promise<OAuthTokenSet> {
    const longLived = await call<{ access_token: string; expires_in?: number }>("GET", "/oauth/access_token", purpose, {
      params: {
        grant_type: "fb_exchange_token",
        client_id: config.clientId,
        client_secret: config.clientSecret,
        fb_exchange_token: token,
      },
    });
    return { accessToken: longLived.access_token, expiresAt: expiresAtFrom(longLived.expires_in), scopes };
  }

  return {
    call,
    /** Where a page's post is seen: www.facebook.com (or the local server standing in for it). */
    wwwUrl: (path: string) => `${www}${path}`,

    authorizeUrl(state: string): string {
      return `${www}/${GRAPH_VERSION}/dialog/oauth${query({
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        state,
        response_type: "code",
        scope: scopes.join(","),
      })}`;
    },

    async exchangeCode(code: string): Promise<OAuthTokenSet> {
      const short = await call<{ access_token: string }>("GET", "/oauth/access_token", "connect", {
        params: {
          client_id: config.clientId,
          redirect_uri: config.redirectUri,
          client_secret: config.clientSecret,
          code,
        },
      });
      return exchangeForLongLived(short.access_token, "connect");
    },

    /** Meta has no refresh token: a long-lived token is exchanged for a fresh one while it still works. */
    async refresh(tokens: OAuthTokenSet): Promise<OAuthTokenSet> {
      // An expired long-lived token cannot be exchanged: only the person can log in again.
      if (tokens.expiresAt && tokens.expiresAt.getTime() <= Date.now())
        throw new SocialProviderError(
          network,
          "reauth_required",
          `${label} ended the connection (its 60-day token expired): reconnect the channel in Channels.`,
        );
      return exchangeForLongLived(tokens.accessToken, "refresh");
    },

    /** Every Page the person manages, with its page token and linked Instagram business account. */
    async listPages(tokens: OAuthTokenSet): Promise<GraphPage[]> {
      const pages: GraphPage[] = [];
      let after: string | undefined;
      // A person rarely manages more than a few dozen Pages; the cap stops a paging loop.
      for (let page = 0; page < 20; page++) {
        const res = await call<{ data?: GraphPage[]; paging?: { cursors?: { after?: string }; next?: string } }>(
          "GET",
          "/me/accounts",
          "read",
          {
            token: tokens.accessToken,
            params: {
              fields: "id,name,access_token,picture,instagram_business_account{id,username,profile_picture_url}",
              limit: "100",
              after,
            },
          },
        );
        pages.push(...(res.data ?? []));
        after = res.paging?.next ? res.paging.cursors?.after : undefined;
        if (!after) break;
      }
      return pages;
    },
  };
}

export type GraphClient = ReturnType<typeof createGraphClient>;

/** A Page token is what Facebook and Instagram publish with; an account without one must be reconnected. */
export function accountTokenOf(network: MetaNetwork, label: string, account: { accountToken?: string }): string {
  if (account.accountToken) return account.accountToken;
  throw new SocialProviderError(
    network,
    "bad_request",
    `${label} needs the Page's access token, which this channel does not have: reconnect the channel in Channels.`,
  );
}
