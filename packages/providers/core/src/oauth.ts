import { callHttp, type HttpResult } from "./http";
import { parseRetryAfter } from "./provider-error";
import { type OAuthTokenSet, type SocialProviderConfig, SocialProviderError } from "./social";

/**
 * What the social providers share: one call to a network that turns every failure into a
 * SocialProviderError, and the OAuth 2.0 token request (RFC 6749 §4.1.3 and §6).
 */

/** How one network's answers read. */
export interface SocialNetwork {
  /** The channel kind ("linkedin"): `SocialProviderError.network`. */
  kind: string;
  /** For people ("LinkedIn"): names the network in every sentence. */
  label: string;
  /** A refusal (a 4xx other than 401 and 429) as the sentence shown: the network's reason, then the next step. */
  describeRejection(status: number, body: unknown): string;
  /** The wait a 429 asks for, where the network says it otherwise than with Retry-After (X). */
  retryAfterMs?(headers: Headers): number | undefined;
  /**
   * A failure the network signals in its error body rather than its status (Meta answers an
   * expired token or throttling with HTTP 400 and an error code): consulted before the status.
   */
  classify?(res: HttpResult): SocialProviderError | undefined;
}

/** The raw answer for logs: status and the first part of the body. */
const detailOf = (res: HttpResult) => `HTTP ${res.status} ${res.text.slice(0, 2000)}`.trim();

/** A non-2xx answer as the platform acts on it. */
export function socialFailure(network: SocialNetwork, res: HttpResult): SocialProviderError {
  const classified = network.classify?.(res);
  if (classified) return classified;
  const { label } = network;
  const options = { status: res.status, detail: detailOf(res) };
  if (res.status === 401)
    return new SocialProviderError(
      network.kind,
      "auth_expired",
      `${label} refused the connection's access token (it expired or was revoked): refresh it and try again; if that fails, reconnect the channel in Channels.`,
      options,
    );
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after")) ?? network.retryAfterMs?.(res.headers);
    return new SocialProviderError(
      network.kind,
      "rate_limited",
      `${label} is limiting how often this account may post: publishing is retried later.`,
      { ...options, retryAfterMs },
    );
  }
  if (res.status >= 500)
    return new SocialProviderError(
      network.kind,
      "unavailable",
      `${label} had a server error (HTTP ${res.status}): publishing is retried later.`,
      options,
    );
  return new SocialProviderError(network.kind, "rejected", network.describeRejection(res.status, res.json), options);
}

/** One request through the configured fetch, with a deadline; no answer is `unavailable`. */
function sendSocial(
  config: Pick<SocialProviderConfig, "fetch" | "timeoutMs">,
  network: SocialNetwork,
  url: string,
  init: RequestInit,
): Promise<HttpResult> {
  return callHttp(url, init, {
    what: network.label,
    fetch: config.fetch,
    timeoutMs: config.timeoutMs,
    makeError: (message, _retryable, status, options) =>
      new SocialProviderError(network.kind, "unavailable", `${network.label} did not answer: try again later.`, {
        status,
        detail: message,
        cause: options?.cause,
      }),
  });
}

/** One request to the network: the 2xx answer, or a SocialProviderError. */
export async function callSocial(
  config: Pick<SocialProviderConfig, "fetch" | "timeoutMs">,
  network: SocialNetwork,
  url: string,
  init: RequestInit,
): Promise<HttpResult> {
  const res = await sendSocial(config, network, url, init);
  if (res.status < 200 || res.status >= 300) throw socialFailure(network, res);
  return res;
}

/** RFC 6749 §5.2: the client itself was refused, not the grant. */
const CLIENT_REFUSED = new Set(["invalid_client", "unauthorized_client"]);

export interface TokenRequest {
  url: string;
  /** The grant's own fields (grant_type, code, redirect_uri, code_verifier, refresh_token, …). */
  form: Record<string, string>;
  /** How the client proves itself: HTTP Basic (X) or client_id and client_secret in the form (LinkedIn). */
  clientAuth: "basic" | "form";
  /** What the refresh replaces: its refresh token and scopes stay when the answer omits them. */
  previous?: OAuthTokenSet;
}

/**
 * A token request. A refused refresh (400 or 401) is `reauth_required`: only the person can
 * reconnect. A refused code is `bad_request`: the connect flow starts again.
 */
export async function requestTokens(
  config: SocialProviderConfig,
  network: SocialNetwork,
  request: TokenRequest,
): Promise<OAuthTokenSet> {
  const form = new URLSearchParams(request.form);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (request.clientAuth === "basic") {
    // RFC 6749 §2.3.1: each part form-encoded before joining.
    const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  } else {
    form.set("client_id", config.clientId);
    form.set("client_secret", config.clientSecret);
  }
  const refreshing = request.form.grant_type === "refresh_token";
  const res = await sendSocial(config, network, request.url, { method: "POST", headers, body: form.toString() });
  if (res.status === 400 || res.status === 401) {
    const options = { status: res.status, detail: detailOf(res) };
    if (refreshing)
      throw new SocialProviderError(
        network.kind,
        "reauth_required",
        `${network.label} no longer accepts this connection (access was revoked or the sign-in expired): reconnect the channel in Channels.`,
        options,
      );
    const error = (res.json as { error?: unknown } | undefined)?.error;
    throw new SocialProviderError(
      network.kind,
      "bad_request",
      CLIENT_REFUSED.has(String(error))
        ? `${network.label} refused the platform's app credentials: check the ${network.label} app's client id and secret in the platform's settings, then connect again.`
        : `${network.label} did not accept the sign-in (the code expired or was already used): connect the channel again.`,
      options,
    );
  }
  if (!res.ok) throw socialFailure(network, res);
  const body = (res.json ?? {}) as Record<string, unknown>;
  if (typeof body.access_token !== "string")
    throw new SocialProviderError(
      network.kind,
      "unavailable",
      `${network.label} answered without a token: try again.`,
      {
        status: res.status,
        detail: detailOf(res),
      },
    );
  const at = (seconds: unknown) =>
    typeof seconds === "number" && seconds > 0 ? new Date(Date.now() + seconds * 1000) : undefined;
  const refreshToken = typeof body.refresh_token === "string" ? body.refresh_token : request.previous?.refreshToken;
  return {
    accessToken: body.access_token,
    refreshToken,
    expiresAt: at(body.expires_in),
    refreshExpiresAt: at(body.refresh_token_expires_in) ?? request.previous?.refreshExpiresAt,
    // LinkedIn separates scopes with commas, the RFC (and X) with spaces.
    scopes:
      typeof body.scope === "string" ? body.scope.split(/[\s,]+/).filter(Boolean) : (request.previous?.scopes ?? []),
  };
}

/** The tokens' bearer header. */
export const bearer = (tokens: OAuthTokenSet) => ({ authorization: `Bearer ${tokens.accessToken}` });
