import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  approveConsent,
  createFailureScript,
  createFakeAuthorization,
  type FakeNetwork,
  readBody,
  sendHtml,
  sendJson,
  serveFake,
} from "@leadmetrics/provider-core/fake-oauth";
import { fromLittleText } from "./little-text";

/**
 * Dev and test only: one local server for every LinkedIn host (www.linkedin.com's OAuth pages,
 * api.linkedin.com's /v2 and /rest APIs, the image upload URLs), speaking their wire format.
 */

export interface FakeLinkedInOptions {
  clientId: string;
  clientSecret: string;
  port?: number;
  accessTokenTtlSeconds?: number;
  member?: { sub: string; name: string; picture?: string };
  /** The organisations the member administers. */
  organizations?: { id: number; name: string; vanityName?: string }[];
}

export interface FakeLinkedInPost {
  urn: string;
  author: string;
  /** As sent (little text). */
  commentary: string;
  /** As people read it. */
  text: string;
  media: { urn: string; contentType: string; bytes: Buffer }[];
  createdAt: number;
}

export type FakeLinkedIn = FakeNetwork<FakeLinkedInPost>;

const REST_VERSION = /^\d{6}(\.\d{2})?$/;

export async function startFakeLinkedIn(opts: FakeLinkedInOptions): Promise<FakeLinkedIn> {
  const member = opts.member ?? { sub: "aBcD123", name: "Lena Lead" };
  const organizations = opts.organizations ?? [{ id: 2414183, name: "Acme Corp", vanityName: "acme" }];
  const auth = createFakeAuthorization({
    clientId: opts.clientId,
    label: "LinkedIn",
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 60 * 24 * 3600,
  });
  const failures = createFailureScript();
  const posts: FakeLinkedInPost[] = [];
  const requests: FakeLinkedIn["requests"] = [];
  const uploads = new Map<string, { image: string; owner: string }>();
  const images = new Map<string, { owner: string; contentType: string; bytes: Buffer }>();
  let shareSeq = 7_100_000_000_000_000_000n;
  let base = "";

  // LinkedIn's error body.
  const error = (res: ServerResponse, status: number, message: string, extra: Record<string, unknown> = {}) =>
    sendJson(res, status, { status, message, ...extra });
  const oauthError = (res: ServerResponse, status: number, code: string, description: string) =>
    sendJson(res, status, { error: code, error_description: description });

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams((await readBody(req)).toString("utf8"));
    if (!req.headers["content-type"]?.includes("application/x-www-form-urlencoded"))
      return oauthError(res, 400, "invalid_request", 'A required parameter "grant_type" is missing');
    if (form.get("client_id") !== opts.clientId || form.get("client_secret") !== opts.clientSecret)
      return oauthError(res, 401, "invalid_client", "Client authentication failed");
    const grant = form.get("grant_type");
    const answer = (t: ReturnType<typeof auth.refresh>) =>
      t &&
      sendJson(res, 200, {
        access_token: t.accessToken,
        expires_in: t.expiresIn,
        refresh_token: t.refreshToken,
        refresh_token_expires_in: t.refreshExpiresIn,
        scope: t.scopes.join(","),
        token_type: "Bearer",
      });
    if (grant === "authorization_code") {
      const issued = auth.redeemCode(form.get("code") ?? "", form.get("redirect_uri"));
      if (typeof issued === "string")
        return oauthError(res, 400, "invalid_request", `Unable to retrieve access token: ${issued}`);
      return answer(issued);
    }
    if (grant === "refresh_token") {
      const issued = auth.refresh(form.get("refresh_token") ?? "");
      if (!issued)
        return oauthError(
          res,
          400,
          "invalid_grant",
          "The provided authorization grant or refresh token is invalid, expired or revoked",
        );
      return answer(issued);
    }
    return oauthError(res, 400, "unsupported_grant_type", "grant_type is not supported");
  }

  /** Whether `author` is someone this member may post as. */
  const mayPostAs = (author: string) =>
    author === `urn:li:person:${member.sub}` || organizations.some((o) => author === `urn:li:organization:${o.id}`);

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (!auth.bearer(req.headers.authorization))
      return error(res, 401, "The token used in the request has expired", {
        serviceErrorCode: 65601,
        code: "EXPIRED_ACCESS_TOKEN",
      });
    if (path === "/v2/userinfo")
      return sendJson(res, 200, {
        sub: member.sub,
        name: member.name,
        given_name: member.name.split(" ")[0],
        family_name: member.name.split(" ").slice(1).join(" "),
        picture: member.picture,
        locale: { country: "US", language: "en" },
        email_verified: true,
      });
    if (path.startsWith("/dms-uploads/") && method === "PUT") {
      const upload = uploads.get(path.slice("/dms-uploads/".length));
      if (!upload) return error(res, 404, "Upload URL not found or expired");
      uploads.delete(path.slice("/dms-uploads/".length));
      images.set(upload.image, {
        owner: upload.owner,
        contentType: String(req.headers["content-type"] ?? "application/octet-stream"),
        bytes: await readBody(req),
      });
      res.writeHead(201);
      return res.end();
    }
    if (!path.startsWith("/rest/")) return error(res, 404, `No virtual resource found for ${path}`);
    if (!REST_VERSION.test(String(req.headers["linkedin-version"] ?? "")))
      return error(
        res,
        426,
        "A version must be present. Please specify a version by adding the LinkedIn-Version header.",
        {
          code: "VERSION_MISSING",
        },
      );
    if (path === "/rest/organizationAcls") {
      const q = url.searchParams;
      if (q.get("q") !== "roleAssignee") return error(res, 400, "Invalid finder");
      const elements =
        q.get("role") === "ADMINISTRATOR" && q.get("state") === "APPROVED"
          ? organizations.map((o) => ({
              roleAssignee: `urn:li:person:${member.sub}`,
              state: "APPROVED",
              role: "ADMINISTRATOR",
              organization: `urn:li:organization:${o.id}`,
            }))
          : [];
      const start = Number(q.get("start") ?? 0);
      const count = Number(q.get("count") ?? 10);
      return sendJson(res, 200, {
        paging: { start, count, links: [], total: elements.length },
        elements: elements.slice(start, start + count),
      });
    }
    const orgMatch = /^\/rest\/organizations\/(\d+)$/.exec(path);
    if (orgMatch) {
      const org = organizations.find((o) => String(o.id) === orgMatch[1]);
      if (!org) return error(res, 404, "Organization not found");
      return sendJson(res, 200, {
        id: org.id,
        localizedName: org.name,
        vanityName: org.vanityName ?? org.name.toLowerCase().replace(/\W+/g, "-"),
        logoV2: { original: `urn:li:digitalmediaAsset:logo${org.id}` },
      });
    }
    const imageMatch = /^\/rest\/images\/(.+)$/.exec(path);
    if (imageMatch && method === "GET") {
      const urn = decodeURIComponent(imageMatch[1] ?? "");
      return sendJson(res, 200, {
        id: urn,
        status: "AVAILABLE",
        downloadUrl: `${base}/media/${encodeURIComponent(urn)}`,
      });
    }
    if (path === "/rest/images" && url.searchParams.get("action") === "initializeUpload" && method === "POST") {
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as {
        initializeUploadRequest?: { owner?: string };
      };
      const owner = body.initializeUploadRequest?.owner ?? "";
      if (!mayPostAs(owner)) return error(res, 403, `Not enough permissions to upload on behalf of ${owner}`);
      const image = `urn:li:image:C4E${randomBytes(8).toString("hex")}`;
      const key = randomBytes(12).toString("hex");
      uploads.set(key, { image, owner });
      return sendJson(res, 200, {
        value: { uploadUrlExpiresAt: Date.now() + 3600_000, uploadUrl: `${base}/dms-uploads/${key}`, image },
      });
    }
    if (path === "/rest/posts" && method === "GET") {
      if (url.searchParams.get("q") !== "author") return error(res, 400, "Invalid finder");
      const author = url.searchParams.get("author") ?? "";
      const count = Number(url.searchParams.get("count") ?? 10);
      const elements = posts
        .filter((p) => p.author === author)
        .reverse()
        .slice(0, count)
        .map((p) => ({
          id: p.urn,
          author: p.author,
          commentary: p.commentary,
          visibility: "PUBLIC",
          lifecycleState: "PUBLISHED",
          createdAt: p.createdAt,
          publishedAt: p.createdAt,
        }));
      return sendJson(res, 200, { paging: { start: 0, count, links: [] }, elements });
    }
    if (path === "/rest/posts" && method === "POST") {
      if (req.headers["x-restli-protocol-version"] !== "2.0.0")
        return error(res, 400, "The Rest.li protocol version header is required");
      const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as {
        author?: string;
        commentary?: string;
        lifecycleState?: string;
        distribution?: unknown;
        visibility?: string;
        content?: { media?: { id?: string }; multiImage?: { images?: { id?: string }[] } };
      };
      const author = body.author ?? "";
      if (!body.commentary && !body.content) return error(res, 422, "/commentary :: field is required but not found");
      if (!body.distribution || !body.visibility || body.lifecycleState !== "PUBLISHED")
        return error(res, 422, "/distribution :: field is required but not found");
      if (!mayPostAs(author)) return error(res, 403, `Not enough permissions to post as ${author}`);
      const ids = body.content?.media?.id
        ? [body.content.media.id]
        : (body.content?.multiImage?.images ?? []).map((i) => i.id);
      const media: FakeLinkedInPost["media"] = [];
      for (const id of ids) {
        const image = images.get(id ?? "");
        if (!image || image.owner !== author) return error(res, 422, `Media ${id} is not found or not uploaded`);
        media.push({ urn: id ?? "", contentType: image.contentType, bytes: image.bytes });
      }
      const commentary = body.commentary ?? "";
      const duplicate = posts.find((p) => p.author === author && p.commentary === commentary);
      if (duplicate) return error(res, 422, `Content is a duplicate of ${duplicate.urn}`, { code: "DUPLICATE_POST" });
      shareSeq += 1n;
      const urn = `urn:li:share:${shareSeq}`;
      posts.push({ urn, author, commentary, text: fromLittleText(commentary), media, createdAt: Date.now() });
      res.writeHead(201, { "x-restli-id": urn, "x-linkedin-id": urn });
      return res.end();
    }
    return error(res, 404, `No virtual resource found for ${path}`);
  }

  const served = await serveFake(
    async (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers });
      if (url.pathname === "/oauth/v2/authorization" && req.method === "GET") {
        const page = auth.consentPage(url);
        return sendHtml(res, page.status, page.html);
      }
      const feed = /^\/feed\/update\/([^/]+)\/?$/.exec(url.pathname);
      if (feed) {
        const post = posts.find((p) => p.urn === decodeURIComponent(feed[1] ?? ""));
        return post
          ? sendHtml(
              res,
              200,
              `<!doctype html><article>${post.text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`)}</article>`,
            )
          : sendHtml(res, 404, "<!doctype html><p>This post cannot be displayed.</p>");
      }
      const failure = failures.take();
      if (failure) {
        await readBody(req);
        const body = failure.body ?? { status: failure.status, message: "Simulated failure" };
        return sendJson(res, failure.status, body, failure.status === 429 ? { "retry-after": "60" } : {});
      }
      if (url.pathname === "/oauth/v2/accessToken" && req.method === "POST") return token(req, res);
      return api(req, res, url);
    },
    { port: opts.port, failure: (res, message) => sendJson(res, 500, { status: 500, message }) },
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
