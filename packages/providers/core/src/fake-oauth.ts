import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Dev and test only: the authorization-server half every fake social network shares (the consent
 * page, codes, PKCE, expiring access tokens, refresh tokens) and small node:http helpers. Each
 * fake speaks its network's own wire format around it.
 */

export interface FakeAuthorizationOptions {
  clientId: string;
  /** Shown on the consent page: "LinkedIn". */
  label: string;
  /** Seconds an access token works; default 3600. */
  accessTokenTtlSeconds?: number;
  /** Seconds a refresh token works; default 365 days. */
  refreshTokenTtlSeconds?: number;
  /** Each refresh issues a new refresh token and retires the old one (X). */
  rotateRefreshTokens?: boolean;
  /** The authorize URL must carry an S256 code challenge (X). */
  requirePkce?: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  scopes: string[];
}

type Grant = { scopes: string[]; expiresAt: number };

const token = (prefix: string) => `${prefix}_${randomBytes(18).toString("base64url")}`;
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function createFakeAuthorization(opts: FakeAuthorizationOptions) {
  const accessTtl = opts.accessTokenTtlSeconds ?? 3600;
  const refreshTtl = opts.refreshTokenTtlSeconds ?? 365 * 24 * 3600;
  const codes = new Map<string, Grant & { redirectUri: string; challenge?: string }>();
  const access = new Map<string, Grant>();
  const refresh = new Map<string, Grant>();

  function issue(scopes: string[], refreshToken?: string): IssuedTokens {
    const accessToken = token("at");
    access.set(accessToken, { scopes, expiresAt: Date.now() + accessTtl * 1000 });
    let rt = refreshToken;
    if (!rt) {
      rt = token("rt");
      refresh.set(rt, { scopes, expiresAt: Date.now() + refreshTtl * 1000 });
    }
    const grant = refresh.get(rt);
    const refreshExpiresIn = grant ? Math.max(0, Math.round((grant.expiresAt - Date.now()) / 1000)) : 0;
    return { accessToken, expiresIn: accessTtl, refreshToken: rt, refreshExpiresIn, scopes };
  }

  return {
    /**
     * The consent page for an authorize URL: a code is minted for the Allow link. Answers an error
     * page (400) for a request the network would refuse.
     */
    consentPage(url: URL): { status: number; html: string } {
      const q = url.searchParams;
      const redirectUri = q.get("redirect_uri") ?? "";
      const state = q.get("state") ?? "";
      const scopes = (q.get("scope") ?? "").split(/[\s,]+/).filter(Boolean);
      const challenge = q.get("code_challenge") ?? undefined;
      const problem =
        q.get("response_type") !== "code"
          ? "response_type must be code"
          : q.get("client_id") !== opts.clientId
            ? "unknown client_id"
            : !/^https?:\/\//.test(redirectUri)
              ? "redirect_uri is missing"
              : scopes.length === 0
                ? "scope is missing"
                : opts.requirePkce && (!challenge || q.get("code_challenge_method") !== "S256")
                  ? "an S256 code_challenge is required"
                  : undefined;
      if (problem)
        return {
          status: 400,
          html: `<!doctype html><title>Error</title><h1>${esc(opts.label)}</h1><p>${esc(problem)}</p>`,
        };
      const code = token("code");
      codes.set(code, { scopes, redirectUri, challenge, expiresAt: Date.now() + 10 * 60_000 });
      const back = (params: Record<string, string>) => {
        const target = new URL(redirectUri);
        for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
        return esc(target.toString());
      };
      return {
        status: 200,
        html: `<!doctype html><title>${esc(opts.label)}: allow access</title>
<h1>Allow this app to use your ${esc(opts.label)} account?</h1>
<p>It asks for: ${scopes.map(esc).join(", ")}</p>
<p><a id="allow" href="${back({ code, state })}">Allow</a> <a id="deny" href="${back({ error: "access_denied", error_description: "The user denied access", state })}">Deny</a></p>`,
      };
    },
    /** Redeems a code once; `verifier` is checked against the challenge the authorize URL carried. */
    redeemCode(code: string, redirectUri: string | null, verifier?: string | null): IssuedTokens | string {
      const grant = codes.get(code);
      codes.delete(code);
      if (!grant || grant.expiresAt < Date.now()) return "the authorization code is invalid, expired or used";
      if (grant.redirectUri !== redirectUri) return "redirect_uri does not match the authorization request";
      if (grant.challenge) {
        const computed = verifier ? createHash("sha256").update(verifier).digest("base64url") : "";
        if (computed !== grant.challenge) return "code_verifier does not match the code_challenge";
      }
      return issue(grant.scopes);
    },
    /** A refresh: new access token; with rotation a new refresh token too, and the old one dies. */
    refresh(refreshToken: string): IssuedTokens | undefined {
      const grant = refresh.get(refreshToken);
      if (!grant || grant.expiresAt < Date.now()) return undefined;
      if (!opts.rotateRefreshTokens) return issue(grant.scopes, refreshToken);
      refresh.delete(refreshToken);
      return issue(grant.scopes);
    },
    /** The grant behind an `Authorization: Bearer` header, if it is a live access token. */
    bearer(header: string | undefined): Grant | undefined {
      const grant = header?.startsWith("Bearer ") ? access.get(header.slice(7)) : undefined;
      return grant && grant.expiresAt > Date.now() ? grant : undefined;
    },
    expireAccessTokens() {
      for (const grant of access.values()) grant.expiresAt = 0;
    },
    revokeRefreshTokens() {
      refresh.clear();
    },
  };
}

/** What the Allow button on the consent page at `authorizeUrl` links to: the callback URL with code and state. */
export async function approveConsent(authorizeUrl: string, choice: "allow" | "deny" = "allow"): Promise<string> {
  const res = await fetch(authorizeUrl);
  const html = await res.text();
  const href = new RegExp(`id="${choice}" href="([^"]+)"`).exec(html)?.[1];
  if (!res.ok || !href) throw new Error(`no consent page at ${authorizeUrl}: ${html.slice(0, 200)}`);
  return href.replace(/&(amp|quot|#39|lt|gt);/g, (_m, e: string) =>
    e === "amp" ? "&" : e === "quot" ? '"' : e === "#39" ? "'" : e === "lt" ? "<" : ">",
  );
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(html);
}

export interface ScriptedFailure {
  status: number;
  body?: unknown;
}

/** `failNext(status, times, body)`: the next calls answer this failure instead. */
export function createFailureScript() {
  let pending: (ScriptedFailure & { times: number }) | undefined;
  return {
    failNext(status: number, times = 1, body?: unknown) {
      pending = { status, times, body };
    },
    /** The failure to answer now, if one is scripted. */
    take(): ScriptedFailure | undefined {
      if (!pending || pending.times <= 0) return undefined;
      pending.times--;
      return { status: pending.status, body: pending.body };
    },
  };
}

/** Fetches an image the way a network that takes image urls does: it must answer 200 with an image type. */
export async function fetchPublicImage(
  url: unknown,
): Promise<{ url: string; contentType: string; bytes: number } | null> {
  if (typeof url !== "string" || !url) return null;
  try {
    const res = await fetch(url);
    const contentType = res.headers.get("content-type") ?? "";
    const bytes = (await res.arrayBuffer()).byteLength;
    return res.ok && contentType.startsWith("image/") && bytes > 0 ? { url, contentType, bytes } : null;
  } catch {
    return null;
  }
}

/** A fake network's server on 127.0.0.1, and how to stop it. */
export interface ServedFake {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a fake on 127.0.0.1 (`port` 0: any free one). A handler that throws answers 500 in the
 * network's own error shape (`failure`), or drops the connection if it had started answering.
 */
export async function serveFake(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  opts: { port?: number; failure: (res: ServerResponse, message: string) => void },
): Promise<ServedFake> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) opts.failure(res, String(err));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What every fake network offers its tests and the sandbox; each adds its own (pages, accounts…). */
export interface FakeNetwork<Post, Request = { method: string; path: string; headers: IncomingMessage["headers"] }> {
  url: string;
  /** What was published, as the network stored it. */
  posts: Post[];
  requests: Request[];
  /** Where the consent page's Allow (or Deny) button goes: a browser click without a browser. */
  approve(authorizeUrl: string, choice?: "allow" | "deny"): Promise<string>;
  /** Every access token issued so far is refused, as an expired one is. */
  expireAccessTokens(): void;
  /** Renewing any sign-in issued so far is refused, as when the person removed the app. */
  revokeRefreshTokens(): void;
  /** The next `times` calls answer `status` with the network's error body (or `body`). */
  failNext(status: number, times?: number, body?: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}
