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
export interface FakeMetaRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  authorization?: string;
  body: string;
}

export interface FakeMetaPage {
  id: string;
  name: string;
  /** The Instagram business account linked to the Page, if any. */
  instagram?: { id: string; username: string };
}

export interface FakeMetaPost {
  network: "facebook" | "instagram";
  /** The Page's or the Instagram account's id. */
  accountId: string;
  id: string;
  message: string;
  link?: string;
  /** The images as fetched from their urls. */
  media: { url: string; contentType: string; bytes: number }[];
  permalink: string;
}

export interface FakeMeta extends FakeNetwork<FakeMetaPost, FakeMetaRequest> {
  pages: FakeMetaPage[];
  /**
   * How Instagram's processing of the next media containers ends (`ERROR`: the image could not be
   * used); `FINISHED` again with no argument.
   */
  setContainerStatus(status?: "FINISHED" | "ERROR" | "EXPIRED"): void;
}

interface Grant {
  /** The user token's scopes, or the Page a Page token belongs to. */
  scopes: string[];
  pageId?: string;
}

const GRAPH_VERSION_PATH = /^\/v\d+\.\d+(\/.*)$/;

/**
 * A local server speaking the Graph API as the Meta providers use it, on every Meta host at once
 * (`www.facebook.com`'s login dialog, `graph.facebook.com`): Facebook Login with a consent page,
 * the code and `fb_exchange_token` exchanges, `/me/accounts`, Page photos and feed posts,
 * Instagram media containers and publishing. Images are fetched from their urls, as Meta does.
 * Failures are Graph error bodies (`{error:{message,type,code,error_subcode,fbtrace_id}}`, HTTP 400
 * for an invalid token as Graph answers). For tests and `./dev`, never for production.
 */
export async function startFakeMeta(opts: {
  clientId: string;
  clientSecret: string;
  port?: number;
  /** Seconds a long-lived token lives (Meta: about 60 days). Short-lived ones live an hour at most. */
  accessTokenTtlSeconds?: number;
  pages?: FakeMetaPage[];
}): Promise<FakeMeta> {
  const ttl = opts.accessTokenTtlSeconds ?? 60 * 24 * 3600;
  const pages: FakeMetaPage[] = opts.pages ?? [
    { id: "1001", name: "Acme Coffee", instagram: { id: "17841400000000001", username: "acmecoffee" } },
    { id: "1002", name: "Acme Bakery" },
  ];
  const posts: FakeMetaPost[] = [];
  const requests: FakeMetaRequest[] = [];
  // Facebook Login's consent page, codes and short-lived (one hour) user tokens.
  const auth = createFakeAuthorization({
    clientId: opts.clientId,
    label: "Facebook",
    accessTokenTtlSeconds: Math.min(ttl, 3600),
  });
  /** Long-lived user tokens and Page tokens: Meta issues these outside OAuth's own flow. */
  const issued = new Map<string, { grant: Grant; expiresAt: number }>();
  const issue = (grant: Grant) => {
    const token = `EAAfake${randomBytes(18).toString("base64url")}`;
    issued.set(token, { grant, expiresAt: Date.now() + ttl * 1000 });
    return token;
  };
  /** The grant behind a token of any kind while it works. */
  const grantOf = (token: string): Grant | undefined => {
    const short = auth.bearer(`Bearer ${token}`);
    if (short) return { scopes: short.scopes };
    const found = issued.get(token);
    return found && found.expiresAt > Date.now() ? found.grant : undefined;
  };
  /** Tokens that may still be exchanged; `revokeRefreshTokens` empties it. */
  const exchangeable = new Set<string>();
  const failures = createFailureScript();
  let failureHeaders: Record<string, string> = {};
  const photos = new Map<string, { pageId: string; media: FakeMetaPost["media"][number] }>();
  const containers = new Map<
    string,
    {
      igId: string;
      caption?: string;
      media: FakeMetaPost["media"];
      carouselItem: boolean;
      published: boolean;
      status: "FINISHED" | "ERROR" | "EXPIRED";
    }
  >();
  let containerStatus: "FINISHED" | "ERROR" | "EXPIRED" = "FINISHED";
  let seq = 0;
  const nextId = () => `${Date.now()}${++seq}`;
  let base = "";

  const graphError = (
    res: ServerResponse,
    status: number,
    code: number,
    message: string,
    extra: { type?: string; error_subcode?: number } = {},
    headers: Record<string, string> = {},
  ) =>
    sendJson(
      res,
      status,
      {
        error: {
          message,
          type: extra.type ?? "OAuthException",
          code,
          ...(extra.error_subcode ? { error_subcode: extra.error_subcode } : {}),
          fbtrace_id: randomBytes(8).toString("base64url"),
        },
      },
      headers,
    );
  const invalidToken = (res: ServerResponse) =>
    graphError(res, 400, 190, "Error validating access token: Session has expired.", { error_subcode: 463 });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const raw = (await readBody(req)).toString("utf8");
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
      body: raw,
    });
    const versioned = GRAPH_VERSION_PATH.exec(url.pathname);
    if (!versioned) return sendJson(res, 404, { error: { message: "Unknown path", code: 803 } });
    const path = versioned[1]!;
    // Graph takes parameters in the query, a form body or a JSON body alike.
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    if (raw)
      Object.assign(
        params,
        (req.headers["content-type"] ?? "").includes("json")
          ? (JSON.parse(raw) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(raw)),
      );
    const str = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);

    if (path === "/dialog/oauth") {
      const page = auth.consentPage(url);
      return sendHtml(res, page.status, page.html);
    }

    const scripted = failures.take();
    if (scripted) {
      const headers = scripted.status === 429 ? { "retry-after": "60", ...failureHeaders } : failureHeaders;
      return scripted.body !== undefined
        ? sendJson(res, scripted.status, scripted.body, headers)
        : scripted.status === 429
          ? graphError(res, 429, 4, "(#4) Application request limit reached", {}, headers)
          : scripted.status >= 500
            ? graphError(res, scripted.status, 2, "An unexpected error has occurred. Please retry your request later.")
            : graphError(res, scripted.status, 100, "(#100) Invalid parameter", {}, headers);
    }

    if (path === "/oauth/access_token") {
      if (str("client_id") !== opts.clientId || str("client_secret") !== opts.clientSecret)
        return graphError(res, 400, 1, "Error validating client secret.");
      if (str("grant_type") === "fb_exchange_token") {
        const old = str("fb_exchange_token") ?? "";
        const grant = grantOf(old);
        if (!grant || !exchangeable.has(old)) return invalidToken(res);
        const token = issue({ scopes: grant.scopes });
        exchangeable.add(token);
        return sendJson(res, 200, { access_token: token, token_type: "bearer", expires_in: ttl });
      }
      const redeemed = auth.redeemCode(str("code") ?? "", str("redirect_uri") ?? null);
      if (typeof redeemed === "string")
        return redeemed.includes("redirect_uri")
          ? graphError(
              res,
              400,
              100,
              "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
              { error_subcode: 36008 },
            )
          : graphError(res, 400, 100, "This authorization code has been used.", { error_subcode: 36009 });
      // Meta answers no refresh token: the short-lived token is exchanged for a long-lived one instead.
      exchangeable.add(redeemed.accessToken);
      return sendJson(res, 200, {
        access_token: redeemed.accessToken,
        token_type: "bearer",
        expires_in: redeemed.expiresIn,
      });
    }

    const header = req.headers.authorization;
    const presented = /^(Bearer|OAuth) (.+)$/.exec(header ?? "")?.[2] ?? str("access_token");
    if (!presented)
      return graphError(
        res,
        400,
        2500,
        "An active access token must be used to query information about the current user.",
      );
    const grant = grantOf(presented);
    if (!grant) return invalidToken(res);

    if (path === "/me/accounts" && req.method === "GET") {
      if (grant.pageId)
        return graphError(res, 400, 100, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
      const fields = str("fields") ?? "";
      const data = pages.map((page) => ({
        id: page.id,
        name: page.name,
        access_token: issue({ scopes: grant.scopes, pageId: page.id }),
        picture: { data: { url: `${base}/pictures/${page.id}.jpg`, is_silhouette: false } },
        ...(page.instagram && fields.includes("instagram_business_account")
          ? {
              instagram_business_account: {
                id: page.instagram.id,
                username: page.instagram.username,
                profile_picture_url: `${base}/pictures/${page.instagram.id}.jpg`,
              },
            }
          : {}),
      }));
      return sendJson(res, 200, { data, paging: { cursors: { before: "QVFIUjBE", after: "QVFIUkFG" } } });
    }

    const [, nodeId, edge] = /^\/([^/]+)(?:\/([^/]+))?$/.exec(path) ?? [];
    const page = pages.find((p) => p.id === nodeId);
    const igPage = pages.find((p) => p.instagram?.id === nodeId);
    // A Page token reaches its own Page and the Instagram account linked to it; a user token reaches none.
    const ownsNode = (p: FakeMetaPage | undefined) => p !== undefined && grant.pageId === p.id;
    const permissionDenied = () =>
      graphError(res, 403, 200, "(#200) The user hasn't authorized the application to perform this action");

    if (page && edge) {
      if (!ownsNode(page)) return permissionDenied();
      if (edge === "photos" && req.method === "POST") {
        const media = await fetchPublicImage(params.url);
        if (!media) return graphError(res, 400, 324, "(#324) Missing or invalid image file");
        const id = nextId();
        photos.set(id, { pageId: page.id, media });
        return sendJson(res, 200, { id });
      }
      if (edge === "feed" && req.method === "POST") {
        const message = str("message") ?? "";
        const attached = (params.attached_media ?? []) as { media_fbid?: string }[] | string;
        const attachedIds = (
          typeof attached === "string" ? (JSON.parse(attached) as { media_fbid?: string }[]) : attached
        ).map((a) => a.media_fbid ?? "");
        if (!message && attachedIds.length === 0 && !str("link"))
          return graphError(res, 400, 100, "(#100) The parameter message or link or attached_media is required");
        if (posts.some((p) => p.network === "facebook" && p.accountId === page.id && p.message === message && message))
          return graphError(res, 400, 506, "(#506) Duplicate status message");
        const media: FakeMetaPost["media"] = [];
        for (const id of attachedIds) {
          const photo = photos.get(id);
          if (!photo || photo.pageId !== page.id)
            return graphError(res, 400, 100, `(#100) Param attached_media[0] must be a valid photo id (${id})`);
          media.push(photo.media);
        }
        const id = `${page.id}_${nextId()}`;
        posts.push({
          network: "facebook",
          accountId: page.id,
          id,
          message,
          link: str("link"),
          media,
          permalink: `${base}/${page.id}/posts/${id.split("_")[1]}`,
        });
        return sendJson(res, 200, { id });
      }
      if ((edge === "posts" || edge === "feed") && req.method === "GET") {
        const data = posts
          .filter((p) => p.network === "facebook" && p.accountId === page.id)
          .reverse()
          .map((p) => ({ id: p.id, message: p.message, permalink_url: p.permalink }));
        return sendJson(res, 200, { data });
      }
    }

    if (igPage && edge) {
      if (!ownsNode(igPage)) return permissionDenied();
      const igId = nodeId!;
      if (edge === "media" && req.method === "POST") {
        const id = nextId();
        if (str("media_type") === "CAROUSEL") {
          const childIds = (
            Array.isArray(params.children) ? (params.children as string[]) : (str("children") ?? "").split(",")
          ).filter(Boolean);
          const children = childIds.map((c) => containers.get(c));
          if (children.length < 2 || children.length > 10 || children.some((c) => !c?.carouselItem || c.igId !== igId))
            return graphError(res, 400, 100, "(#100) The carousel needs between 2 and 10 valid children");
          containers.set(id, {
            igId,
            caption: str("caption"),
            media: children.flatMap((c) => c!.media),
            carouselItem: false,
            published: false,
            status: containerStatus,
          });
          return sendJson(res, 200, { id });
        }
        const media = await fetchPublicImage(params.image_url);
        if (!media)
          return graphError(res, 400, 9004, "The media could not be fetched from this uri", { error_subcode: 2207052 });
        const carouselItem = params.is_carousel_item === true || str("is_carousel_item") === "true";
        containers.set(id, {
          igId,
          caption: str("caption"),
          media: [media],
          carouselItem,
          published: false,
          status: containerStatus,
        });
        return sendJson(res, 200, { id });
      }
      if (edge === "media_publish" && req.method === "POST") {
        const container = containers.get(str("creation_id") ?? "");
        if (!container || container.igId !== igId || container.carouselItem || container.status !== "FINISHED")
          return graphError(res, 400, 9007, "Media ID is not available", { error_subcode: 2207027 });
        if (container.published) return graphError(res, 400, 506, "(#506) The media has already been published");
        container.published = true;
        const id = nextId();
        posts.push({
          network: "instagram",
          accountId: igId,
          id,
          message: container.caption ?? "",
          media: container.media,
          permalink: `${base}/p/${Buffer.from(id).toString("base64url")}/`,
        });
        return sendJson(res, 200, { id });
      }
      if (edge === "media" && req.method === "GET") {
        const data = posts
          .filter((p) => p.network === "instagram" && p.accountId === igId)
          .reverse()
          .map((p) => ({ id: p.id, caption: p.message, permalink: p.permalink }));
        return sendJson(res, 200, { data });
      }
    }

    if (nodeId && !edge && req.method === "GET") {
      const container = containers.get(nodeId);
      if (container) {
        if (!ownsNode(pages.find((p) => p.instagram?.id === container.igId))) return permissionDenied();
        return sendJson(res, 200, { id: nodeId, status_code: container.published ? "PUBLISHED" : container.status });
      }
      const post = posts.find((p) => p.id === nodeId);
      if (post) {
        const owner = pages.find((p) => p.id === post.accountId || p.instagram?.id === post.accountId);
        if (!ownsNode(owner)) return permissionDenied();
        return sendJson(res, 200, { id: post.id, permalink: post.permalink, caption: post.message });
      }
    }
    return graphError(
      res,
      400,
      100,
      `Unsupported ${req.method?.toLowerCase()} request. Object with ID '${nodeId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { type: "GraphMethodException", error_subcode: 33 },
    );
  }

  const served = await serveFake(handle, {
    port: opts.port,
    failure: (res, message) => sendJson(res, 500, { error: { message, code: 1 } }),
  });
  base = served.url;
  return {
    url: base,
    pages,
    posts,
    requests,
    approve: approveConsent,
    setContainerStatus(status = "FINISHED") {
      containerStatus = status;
    },
    expireAccessTokens() {
      auth.expireAccessTokens();
      for (const token of issued.values()) token.expiresAt = 0;
    },
    revokeRefreshTokens: () => exchangeable.clear(),
    failNext(status, times = 1, body, headers = {}) {
      failureHeaders = headers;
      failures.failNext(status, times, body);
    },
    close: served.close,
  };
}
