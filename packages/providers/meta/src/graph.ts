import {
  callSocial,
  type HttpResult,
  type OAuthTokenSet,
  parseRetryAfter,
  type SocialFailureKind,
  type SocialNetwork,
  type SocialProviderConfig,
  SocialProviderError,
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

/** Why a Graph call was made: it decides what a refusal tells the person to do next. */
export type GraphPurpose = "connect" | "refresh" | "read" | "publish";

function refusal(label: string, reason: string, purpose: GraphPurpose): string {
  if (purpose === "connect")
    return `${label} did not accept the sign-in (${reason}): connect the channel again in Channels.`;
  if (purpose === "publish") return `${label} refused the post: ${reason}. Change the post, then retry publishing.`;
  return `${label} refused the request (${reason}): try again; if it keeps failing, reconnect the channel in Channels.`;
}

/**
 * A Graph API error as the platform acts on it. Graph answers most failures with HTTP 400 and
 * says what happened in its error code, so the code decides, not the status. Undefined for an
 * answer without a Graph error body (a proxy's page): the status decides then.
 */
export function graphFailure(
  network: MetaNetwork,
  label: string,
  res: HttpResult,
  purpose: GraphPurpose,
): SocialProviderError | undefined {
  const error = (res.json as { error?: GraphErrorBody } | undefined)?.error;
  const status = res.status;
  const detail = `HTTP ${status} ${res.text.slice(0, 2000)}`;
  const fail = (kind: SocialFailureKind, message: string, retryAfterMs?: number) =>
    new SocialProviderError(network, kind, message, { status, detail, retryAfterMs });
  if (purpose === "refresh" && (error?.code === 190 || status === 401))
    return fail(
      "reauth_required",
      `${label} ended the connection (${plainMessage(error?.message)}): reconnect the channel in Channels.`,
    );
  if (typeof error?.code !== "number") return undefined;
  const { code } = error;
  const reason = plainMessage(error.message);
  if (code === 190)
    return fail(
      "auth_expired",
      `${label} refused the connection's access token (${reason}): refresh it and try again; if that fails, reconnect the channel in Channels.`,
    );
  if (RATE_LIMIT_CODES.has(code) || status === 429)
    return fail(
      "rate_limited",
      `${label} is limiting how often this account may post: publishing is retried later.`,
      retryAfterOf(res.headers),
    );
  // 1 and 2 are Graph's "unknown error" and "service temporarily unavailable": its own outages.
  if (code === 1 || code === 2 || status >= 500)
    return fail("unavailable", `${label} had a server error (${reason}): publishing is retried later.`);
  if (code === 506)
    return fail(
      "rejected",
      `${label} refused the post as a duplicate of one already published: change the text, then retry publishing.`,
    );
  if (code === 10 || (code >= 200 && code <= 299))
    return fail(
      "rejected",
      `${label} refused: a permission the platform needs was removed (${reason}): reconnect the channel in Channels and allow every permission asked for.`,
    );
  // 100/33: the Page or account is gone, or the token no longer reaches it.
  if (code === 100 && error.error_subcode === 33)
    return fail(
      "bad_request",
      `${label} no longer finds this account (deleted, or access to it was removed): reconnect the channel in Channels.`,
    );
  return fail(purpose === "connect" ? "bad_request" : "rejected", refusal(label, reason, purpose));
}

/** How Graph's answers read, for one purpose. */
function graphNetwork(network: MetaNetwork, label: string, purpose: GraphPurpose): SocialNetwork {
  return {
    kind: network,
    label,
    classify: (res) => graphFailure(network, label, res, purpose),
    retryAfterMs: retryAfterOf,
    describeRejection: (status) => refusal(label, `HTTP ${status}`, purpose),
  };
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
  const origin = config.baseUrl?.replace(/\/+$/, "");
  const www = origin ?? WWW;
  const graph = origin ?? GRAPH;
  const networks = {
    connect: graphNetwork(network, label, "connect"),
    refresh: graphNetwork(network, label, "refresh"),
    read: graphNetwork(network, label, "read"),
    publish: graphNetwork(network, label, "publish"),
  };

  const query = (params: Params) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
    const s = q.toString();
    return s ? `?${s}` : "";
  };

  /**
   * One Graph call. API calls carry the token in the Authorization header; only the token
   * exchange has its secrets in the query, as Meta documents it (callHttp never logs the URL).
   */
  async function call<T>(
    method: "GET" | "POST",
    path: string,
    purpose: GraphPurpose,
    opts: { token?: string; params?: Params; body?: Record<string, unknown> } = {},
  ): Promise<T> {
    const res = await callSocial(
      config,
      networks[purpose],
      `${graph}/${GRAPH_VERSION}${path}${query(opts.params ?? {})}`,
      {
        method,
        headers: {
          accept: "application/json",
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body ? { "content-type": "application/json" } : {}),
        },
        body: opts.body ? JSON.stringify(opts.body) : undefined,
      },
    );
    if (res.json === undefined || res.json === null || typeof res.json !== "object")
      throw new SocialProviderError(
        network,
        "unavailable",
        `${label} answered something that is not the Graph API: try again later.`,
        {
          status: res.status,
          detail: res.text.slice(0, 2000),
        },
      );
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
    const expiresIn = longLived.expires_in;
    return {
      accessToken: longLived.access_token,
      expiresAt: typeof expiresIn === "number" && expiresIn > 0 ? new Date(Date.now() + expiresIn * 1000) : undefined,
      scopes,
    };
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
