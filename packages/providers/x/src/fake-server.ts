import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  approveConsent,
  createFailureScript,
  createFakeAuthorization,
  type FakeNetwork,
  type IssuedTokens,
  readBody,
  sendHtml,
  sendJson,
  serveFake,
} from "@leadmetrics/provider-core/fake-oauth";

/**
 * Dev and test only: one local server for x.com's OAuth 2.0 consent page and api.x.com's v2 API
 * (token, users/me, media upload, tweets, a user's timeline), speaking their wire format.
 */

export interface FakeXOptions {
  clientId: string;
  clientSecret: string;
  port?: number;
  /** Default 7200, as X. */
  accessTokenTtlSeconds?: number;
  user?: { id: string; name: string; username: string; profileImageUrl?: string };
}

export interface FakeTweet {
  id: string;
  authorId: string;
  text: string;
  media: { id: string; contentType: string; category: string; bytes: Buffer }[];
  createdAt: Date;
}

export type FakeX = FakeNetwork<FakeTweet>;

const TITLES: Record<number, string> = {
  400: "Invalid Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

// X's ids are snowflakes: 64-bit, always strings in v2.
let snowflake = 1_860_000_000_000_000_000n;
const nextId = () => String(++snowflake);
const tco = () => `https://t.co/${randomBytes(5).toString("base64url")}`;
const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

export async function startFakeX(opts: FakeXOptions): Promise<FakeX> {
  const user = opts.user ?? {
    id: "1849302750120456192",
    name: "Acme Corp",
    username: "acmecorp",
    profileImageUrl: "https://pbs.twimg.com/profile_images/1849302750120456192/acme_normal.jpg",
  };
  const auth = createFakeAuthorization({
    clientId: opts.clientId,
    label: "X",
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 7200,
    rotateRefreshTokens: true,
    requirePkce: true,
  });
  const failures = createFailureScript();
  const posts: FakeTweet[] = [];
  const requests: FakeX["requests"] = [];
  const media = new Map<string, FakeTweet["media"][number]>();
  let base = "";

  const problem = (res: ServerResponse, status: number, detail: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { title: TITLES[status] ?? "Error", detail, type: "about:blank", status }, headers);
  const oauthError = (res: ServerResponse, status: number, error: string, description: string) =>
    sendJson(res, status, { error, error_description: description });

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    // A confidential client authenticates with HTTP Basic (client id and secret).
    const basic = req.headers.authorization?.startsWith("Basic ")
      ? Buffer.from(req.headers.authorization.slice(6), "base64").toString("utf8").split(/:(.*)/s)
      : [];
    const [id, secret] = basic.map((p) => decodeURIComponent(p ?? ""));
    if (id !== opts.clientId || secret !== opts.clientSecret)
      return oauthError(res, 401, "unauthorized_client", "Missing valid authorization header");
    const answer = (t: IssuedTokens) =>
      sendJson(res, 200, {
        token_type: "bearer",
        expires_in: t.expiresIn,
        access_token: t.accessToken,
        scope: t.scopes.join(" "),
        ...(t.scopes.includes("offline.access") ? { refresh_token: t.refreshToken } : {}),
      });
    const grant = form.get("grant_type");
    if (grant === "authorization_code") {
      const issued = auth.redeemCode(form.get("code") ?? "", form.get("redirect_uri"), form.get("code_verifier"));
      return typeof issued === "string"
        ? oauthError(res, 400, "invalid_request", "Value passed for the authorization code was invalid.")
        : answer(issued);
    }
    if (grant === "refresh_token") {
      const issued = auth.refresh(form.get("refresh_token") ?? "");
      // X answers a used, revoked or unknown refresh token with invalid_request, not invalid_grant.
      return issued
        ? answer(issued)
        : oauthError(res, 400, "invalid_request", "Value passed for the token was invalid.");
    }
    return oauthError(res, 400, "invalid_request", "Missing required parameter [grant_type].");
  }

  /** A tweet as the v2 API answers it: escaped, links on t.co, a t.co link per photo. */
  function asApiTweet(tweet: FakeTweet, withEntities: boolean) {
    const urls: {
      start: number;
      end: number;
      url: string;
      expanded_url: string;
      display_url: string;
      media_key?: string;
    }[] = [];
    let text = escapeText(tweet.text).replace(/https?:\/\/\S+/g, (link) => {
      const short = tco();
      urls.push({ start: 0, end: 0, url: short, expanded_url: link, display_url: link.replace(/^https?:\/\//, "") });
      return short;
    });
    for (const m of tweet.media) {
      const short = tco();
      text += ` ${short}`;
      urls.push({
        start: 0,
        end: 0,
        url: short,
        expanded_url: `https://x.com/${user.username}/status/${tweet.id}/photo/1`,
        display_url: "pic.x.com/photo",
        media_key: `3_${m.id}`,
      });
    }
    for (const u of urls) {
      u.start = [...text.slice(0, text.indexOf(u.url))].length;
      u.end = u.start + u.url.length;
    }
    return {
      id: tweet.id,
      text,
      edit_history_tweet_ids: [tweet.id],
      ...(withEntities && urls.length ? { entities: { urls } } : {}),
    };
  }

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (!auth.bearer(req.headers.authorization)) return problem(res, 401, "Unauthorized");
    if (path === "/2/users/me" && method === "GET") {
      const fields = (url.searchParams.get("user.fields") ?? "").split(",");
      return sendJson(res, 200, {
        data: {
          id: user.id,
          name: user.name,
          username: user.username,
          ...(fields.includes("profile_image_url") && user.profileImageUrl
            ? { profile_image_url: user.profileImageUrl }
            : {}),
        },
      });
    }
    if (path === "/2/media/upload" && method === "POST") {
      const raw = await readBody(req);
      const contentType = String(req.headers["content-type"] ?? "");
      if (!contentType.startsWith("multipart/form-data"))
        return problem(res, 400, "One or more parameters to your request was invalid.");
      const form = await new Response(new Uint8Array(raw), { headers: { "content-type": contentType } }).formData();
      const file = form.get("media");
      const category = String(form.get("media_category") ?? "tweet_image");
      if (!(file instanceof Blob)) return problem(res, 400, "The media field is required.");
      const id = nextId();
      const bytes = Buffer.from(await file.arrayBuffer());
      const type = String(form.get("media_type") ?? file.type ?? "application/octet-stream");
      media.set(id, { id, contentType: type, category, bytes });
      return sendJson(res, 200, {
        data: {
          id,
          media_key: `3_${id}`,
          size: bytes.length,
          expires_after_secs: 86_400,
          image: { image_type: type },
        },
      });
    }
    if (path === "/2/tweets" && method === "POST") {
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as {
        text?: string;
        media?: { media_ids?: string[] };
      };
      const ids = body.media?.media_ids ?? [];
      if (!body.text && ids.length === 0)
        return sendJson(res, 400, {
          errors: [{ message: "Either text or media is required." }],
          title: "Invalid Request",
          detail: "One or more parameters to your request was invalid.",
          type: "https://api.twitter.com/2/problems/invalid-request",
        });
      if (ids.length > 4 || ids.some((id) => !media.has(id)))
        return sendJson(res, 400, {
          errors: [{ message: "Your media IDs are invalid." }],
          title: "Invalid Request",
          detail: "One or more parameters to your request was invalid.",
          type: "https://api.twitter.com/2/problems/invalid-request",
        });
      const text = body.text ?? "";
      if (posts.some((p) => p.authorId === user.id && p.text === text))
        return problem(res, 403, "You are not allowed to create a Tweet with duplicate content.");
      const tweet: FakeTweet = {
        id: nextId(),
        authorId: user.id,
        text,
        media: ids.map((id) => media.get(id)!),
        createdAt: new Date(),
      };
      posts.push(tweet);
      return sendJson(res, 201, {
        data: { id: tweet.id, text: asApiTweet(tweet, false).text, edit_history_tweet_ids: [tweet.id] },
      });
    }
    const timeline = /^\/2\/users\/([^/]+)\/tweets$/.exec(path);
    if (timeline && method === "GET") {
      const max = Number(url.searchParams.get("max_results") ?? 10);
      if (!(max >= 5 && max <= 100))
        return problem(res, 400, "The `max_results` query parameter value is not between 5 and 100");
      const fields = (url.searchParams.get("tweet.fields") ?? "").split(",");
      const data = posts
        .filter((p) => p.authorId === timeline[1])
        .reverse()
        .slice(0, max)
        .map((p) => ({
          ...asApiTweet(p, fields.includes("entities")),
          ...(fields.includes("created_at") ? { created_at: p.createdAt.toISOString() } : {}),
        }));
      return sendJson(
        res,
        200,
        data.length
          ? { data, meta: { result_count: data.length, newest_id: data[0]!.id, oldest_id: data.at(-1)!.id } }
          : { meta: { result_count: 0 } },
      );
    }
    return problem(res, 404, `Could not find the resource ${path}.`);
  }

  const served = await serveFake(
    async (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers });
      if (url.pathname === "/i/oauth2/authorize" && req.method === "GET") {
        const page = auth.consentPage(url);
        return sendHtml(res, page.status, page.html);
      }
      const status = /^\/([^/]+)\/status\/(\d+)$/.exec(url.pathname);
      if (status && req.method === "GET" && !url.pathname.startsWith("/2/")) {
        const tweet = posts.find((p) => p.id === status[2]);
        return tweet
          ? sendHtml(res, 200, `<!doctype html><article>${escapeText(tweet.text)}</article>`)
          : sendHtml(res, 404, "<!doctype html><p>This post doesn't exist.</p>");
      }
      const failure = failures.take();
      if (failure) {
        await readBody(req);
        const reset = String(Math.ceil(Date.now() / 1000) + 900);
        const headers: Record<string, string> =
          failure.status === 429
            ? { "x-rate-limit-limit": "100", "x-rate-limit-remaining": "0", "x-rate-limit-reset": reset }
            : {};
        return failure.body === undefined
          ? problem(res, failure.status, TITLES[failure.status] ?? "Simulated failure", headers)
          : sendJson(res, failure.status, failure.body, headers);
      }
      if (url.pathname === "/2/oauth2/token" && req.method === "POST") return token(req, res);
      return api(req, res, url);
    },
    { port: opts.port, failure: (res, message) => problem(res, 500, message) },
  );
  base = served.url;
  return {
    url: base,
    posts,
    requests,
    approve: (authorizeUrl) => approveConsent(authorizeUrl),
    expireAccessTokens: auth.expireAccessTokens,
    revokeRefreshTokens: auth.revokeRefreshTokens,
    failNext: failures.failNext,
    close: served.close,
  };
}
