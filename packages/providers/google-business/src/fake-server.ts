import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  approveConsent,
  createFailureScript,
  createFakeAuthorization,
  type FakeNetwork,
  fetchPublicImage,
  readBody,
  sendHtml,
  sendJson,
  serveFake,
} from "@leadmetrics/provider-core/fake-oauth";

/** What the fake records of each request, for tests to assert on. */
export interface FakeGoogleRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  authorization?: string;
  body: string;
}

export interface FakeGoogleAccount {
  /** `accounts/1` */
  name: string;
  accountName: string;
  /** Named as the Business Information API names them: `locations/2`. */
  locations: { name: string; title: string }[];
}

export interface FakeLocalPost {
  /** `accounts/1/locations/2/localPosts/3` */
  name: string;
  summary: string;
  languageCode: string;
  topicType: string;
  callToAction?: { actionType: string; url?: string };
  /** The photos as fetched from their `sourceUrl`. */
  media: { url: string; contentType: string; bytes: number }[];
  searchUrl: string;
  createTime: string;
}

export interface FakeGoogleBusiness extends FakeNetwork<FakeLocalPost, FakeGoogleRequest> {
  accounts: FakeGoogleAccount[];
}

const BUSINESS_SCOPE = "https://www.googleapis.com/auth/business.manage";

const STATUS_OF: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ALREADY_EXISTS",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

/** Google refuses posts that carry a phone number in their text (the call button is for that). */
const PHONE_NUMBER = /\+?\d[\d\s().-]{7,}\d/;

/**
 * A local server speaking the Google APIs Business Profile publishing uses, on every host at once
 * (their paths do not collide): the consent page (`accounts.google.com/o/oauth2/v2/auth`), the
 * token endpoint (`oauth2.googleapis.com/token`, client_secret_post or Basic, PKCE S256), account
 * management (`/v1/accounts`), business information (`/v1/accounts/{id}/locations?readMask=`) and
 * local posts (`/v4/…/localPosts`), whose photos it fetches from their `sourceUrl`. Errors are
 * Google's (`{error:{code,message,status}}`; the token endpoint's `{error,error_description}`).
 * For tests and `./dev`, never for production.
 */
export async function startFakeGoogleBusiness(opts: {
  clientId: string;
  clientSecret: string;
  port?: number;
  /** Seconds an access token lives (Google: 3599). */
  accessTokenTtlSeconds?: number;
  accounts?: FakeGoogleAccount[];
}): Promise<FakeGoogleBusiness> {
  const accounts: FakeGoogleAccount[] = opts.accounts ?? [
    {
      name: "accounts/1",
      accountName: "Acme Group",
      locations: [
        { name: "locations/2", title: "Acme Coffee, Main Street" },
        { name: "locations/3", title: "Acme Coffee, Harbour" },
      ],
    },
    { name: "accounts/9", accountName: "Eve Owner", locations: [{ name: "locations/7", title: "Eve's Bakery" }] },
  ];
  const posts: FakeLocalPost[] = [];
  const requests: FakeGoogleRequest[] = [];
  const auth = createFakeAuthorization({
    clientId: opts.clientId,
    label: "Google",
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3599,
  });
  const failures = createFailureScript();
  let failureHeaders: Record<string, string> = {};
  let seq = 0;
  let base = "";

  const apiError = (res: ServerResponse, code: number, message: string, extra: Record<string, unknown> = {}) =>
    sendJson(res, code, { error: { code, message, status: STATUS_OF[code] ?? "FAILED_PRECONDITION", ...extra } });
  const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
    sendJson(res, status, { error, error_description: description });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const raw = (await readBody(req)).toString("utf8");
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
      body: raw,
    });
    const q = url.searchParams;

    if (url.pathname === "/o/oauth2/v2/auth" && req.method === "GET") {
      // Google does not require PKCE, but checks an S256 challenge when the request carried one.
      const page =
        q.get("code_challenge") && q.get("code_challenge_method") !== "S256"
          ? { status: 400, html: "<!doctype html><p>Error 400: invalid_request</p>" }
          : auth.consentPage(url);
      return sendHtml(res, page.status, page.html);
    }

    const scripted = failures.take();
    if (scripted) {
      // A proxy's Retry-After on a 429, so a test can see the wait carried through.
      const headers = scripted.status === 429 ? { "retry-after": "60", ...failureHeaders } : failureHeaders;
      if (scripted.body !== undefined) return sendJson(res, scripted.status, scripted.body, headers);
      const message =
        scripted.status === 429
          ? "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'mybusiness.googleapis.com'."
          : scripted.status >= 500
            ? "The service is currently unavailable."
            : "Precondition check failed.";
      res.setHeaders(new Headers(headers));
      return apiError(res, scripted.status, message);
    }

    if (url.pathname === "/token" && req.method === "POST") {
      const form = new URLSearchParams(raw);
      // Client authentication: client_secret_post, or HTTP Basic.
      const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const [basicId, basicSecret] = basic ? Buffer.from(basic, "base64").toString().split(/:(.*)/s) : [];
      const clientId = form.get("client_id") ?? basicId;
      const clientSecret = form.get("client_secret") ?? basicSecret;
      if (clientId !== opts.clientId || clientSecret !== opts.clientSecret)
        return oauthError(res, 401, "invalid_client", "Unauthorized");
      if (form.get("grant_type") === "authorization_code") {
        const issued = auth.redeemCode(form.get("code") ?? "", form.get("redirect_uri"), form.get("code_verifier"));
        if (typeof issued === "string")
          return oauthError(
            res,
            400,
            "invalid_grant",
            issued.includes("code_verifier") ? "Invalid code verifier." : "Malformed auth code.",
          );
        return sendJson(res, 200, {
          access_token: issued.accessToken,
          expires_in: issued.expiresIn,
          refresh_token: issued.refreshToken,
          scope: issued.scopes.join(" "),
          token_type: "Bearer",
        });
      }
      if (form.get("grant_type") === "refresh_token") {
        const issued = auth.refresh(form.get("refresh_token") ?? "");
        if (!issued) return oauthError(res, 400, "invalid_grant", "Token has been expired or revoked.");
        // Google keeps the refresh token: the answer carries a new access token only.
        return sendJson(res, 200, {
          access_token: issued.accessToken,
          expires_in: issued.expiresIn,
          scope: issued.scopes.join(" "),
          token_type: "Bearer",
        });
      }
      return oauthError(res, 400, "unsupported_grant_type", "Invalid grant_type.");
    }

    const grant = auth.bearer(req.headers.authorization);
    if (!grant) {
      res.setHeader("www-authenticate", 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      return apiError(
        res,
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
      );
    }
    if (!grant.scopes.includes(BUSINESS_SCOPE))
      return apiError(res, 403, "Request had insufficient authentication scopes.");

    if (url.pathname === "/v1/accounts" && req.method === "GET")
      return sendJson(res, 200, {
        accounts: accounts.map((a) => ({
          name: a.name,
          accountName: a.accountName,
          type: "LOCATION_GROUP",
          verificationState: "VERIFIED",
        })),
      });

    const locationsOf = /^\/v1\/(accounts\/[^/]+)\/locations$/.exec(url.pathname);
    if (locationsOf && req.method === "GET") {
      const account = accounts.find((a) => a.name === locationsOf[1]);
      if (!account) return apiError(res, 404, "Requested entity was not found.");
      const mask = (q.get("readMask") ?? "").split(",").filter(Boolean);
      if (mask.length === 0) return apiError(res, 400, "Request contains an invalid argument. read_mask is required");
      return sendJson(res, 200, {
        locations: account.locations.map((l) =>
          Object.fromEntries(Object.entries(l).filter(([k]) => mask.includes(k))),
        ),
      });
    }

    const postsOf = /^\/v4\/(accounts\/[^/]+)\/(locations\/[^/]+)\/localPosts$/.exec(url.pathname);
    if (postsOf) {
      const account = accounts.find((a) => a.name === postsOf[1]);
      if (!account?.locations.some((l) => l.name === postsOf[2]))
        return apiError(res, 404, "Requested entity was not found.");
      const parent = `${postsOf[1]}/${postsOf[2]}`;
      if (req.method === "GET")
        return sendJson(res, 200, {
          localPosts: posts.filter((p) => p.name.startsWith(`${parent}/`)).reverse(),
        });
      if (req.method === "POST") {
        let body: {
          languageCode?: string;
          summary?: string;
          topicType?: string;
          media?: { mediaFormat?: string; sourceUrl?: string }[];
          callToAction?: { actionType: string; url?: string };
        };
        try {
          body = JSON.parse(raw);
        } catch {
          return apiError(res, 400, "Invalid JSON payload received.");
        }
        const invalid = (message: string, field: string) =>
          apiError(res, 400, "Request contains an invalid argument.", {
            details: [
              {
                "@type": "type.googleapis.com/google.mybusiness.v4.ValidationError",
                errorDetails: [{ code: 3, field, message }],
              },
            ],
          });
        if (!body.summary) return invalid("The post needs a summary.", "summary");
        if ([...body.summary].length > 1500) return invalid("The summary is longer than 1500 characters.", "summary");
        if (PHONE_NUMBER.test(body.summary))
          return invalid("Phone numbers are not allowed in the post summary.", "summary");
        if (body.topicType !== "STANDARD" && body.topicType !== "EVENT" && body.topicType !== "OFFER")
          return invalid("Unknown topic type.", "topic_type");
        if (body.callToAction?.url && !/^https?:\/\//.test(body.callToAction.url))
          return invalid("The call to action url is not valid.", "call_to_action.url");
        const media: FakeLocalPost["media"] = [];
        for (const item of body.media ?? []) {
          const photo = item.mediaFormat === "PHOTO" ? await fetchPublicImage(item.sourceUrl) : null;
          if (!photo) return invalid("The photo could not be fetched from its source url.", "media.source_url");
          media.push(photo);
        }
        const id = `${Date.now()}${++seq}`;
        const post: FakeLocalPost = {
          name: `${parent}/localPosts/${id}`,
          summary: body.summary,
          languageCode: body.languageCode ?? "en",
          topicType: body.topicType,
          callToAction: body.callToAction,
          media,
          searchUrl: `${base}/search?q=${encodeURIComponent(account.locations.find((l) => l.name === postsOf[2])!.title)}&lpsid=${id}`,
          createTime: new Date().toISOString(),
        };
        posts.push(post);
        return sendJson(res, 200, {
          ...post,
          state: "LIVE",
          updateTime: post.createTime,
          media: media.map((_photo, i) => ({
            name: `${parent}/media/${id}-${i}`,
            mediaFormat: "PHOTO",
            googleUrl: `${base}/p/${randomBytes(9).toString("base64url")}`,
          })),
        });
      }
    }
    return apiError(res, 404, `Method not found: ${req.method} ${url.pathname}`);
  }

  const served = await serveFake(handle, { port: opts.port, failure: (res, message) => apiError(res, 500, message) });
  base = served.url;
  return {
    url: base,
    accounts,
    posts,
    requests,
    approve: approveConsent,
    expireAccessTokens: () => auth.expireAccessTokens(),
    revokeRefreshTokens: () => auth.revokeRefreshTokens(),
    failNext(status, times = 1, body, headers = {}) {
      failureHeaders = headers;
      failures.failNext(status, times, body);
    },
    close: served.close,
  };
}
