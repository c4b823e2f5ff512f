import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * What the local fakes of OAuth networks share (tests and `./dev` only, never production): the
 * consent page and a way to click it without a browser, the codes and tokens they issue (which
 * expire, and which a test can expire or revoke at once), and scripted failures.
 */

export const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function withQuery(url: string, params: Record<string, string>): string {
  const target = new URL(url);
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
  return target.toString();
}

/**
 * The consent page: who asks for what, an "Allow" link back to `redirectUri` with the code and
 * the state, and a "Deny" link with `error=access_denied` (plus the network's own extra fields).
 */
export function sendConsentPage(
  res: ServerResponse,
  page: {
    network: string;
    clientId: string;
    scopes: string[];
    redirectUri: string;
    state: string;
    code: string;
    denyExtra?: Record<string, string>;
  },
) {
  const state: Record<string, string> = page.state ? { state: page.state } : {};
  const allow = withQuery(page.redirectUri, { code: page.code, ...state });
  const deny = withQuery(page.redirectUri, { error: "access_denied", ...page.denyExtra, ...state });
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(page.network)}: allow access?</title></head>
<body>
<h1>${escapeHtml(page.network)}</h1>
<p>The app ${escapeHtml(page.clientId)} asks for: ${page.scopes.map(escapeHtml).join(", ")}</p>
<p><a id="allow" href="${escapeHtml(allow)}">Allow</a> <a id="deny" href="${escapeHtml(deny)}">Deny</a></p>
</body></html>`);
}

/** Opens a consent page as a browser would and returns where its Allow (or Deny) link goes. */
export async function followConsent(authorizeUrl: string, choice: "allow" | "deny" = "allow"): Promise<string> {
  const res = await fetch(authorizeUrl);
  const html = await res.text();
  const href = new RegExp(`<a id="${choice}" href="([^"]+)"`).exec(html)?.[1];
  if (!res.ok || !href)
    throw new Error(`no consent page at ${authorizeUrl} (HTTP ${res.status}): ${html.slice(0, 300)}`);
  return href
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, ">")
    .replace(/&lt;/g, "<")
    .replace(/&amp;/g, "&");
}

/** RFC 7636 S256: whether the verifier hashes to the challenge. */
export const pkceMatches = (verifier: string, challenge: string) =>
  createHash("sha256").update(verifier).digest("base64url") === challenge;

const token = (prefix: string) => `${prefix}${randomBytes(18).toString("base64url")}`;

/** Codes (single use, 10 minutes), access tokens (expiring) and refresh tokens, each carrying `T`. */
export function createTokenBook<T>(opts: { accessTokenTtlSeconds: number; prefix: string }) {
  const codes = new Map<string, { data: T; expiresAt: number }>();
  const access = new Map<string, { data: T; expiresAt: number }>();
  const refresh = new Map<string, T>();
  return {
    issueCode(data: T): string {
      const code = token(`${opts.prefix}code-`);
      codes.set(code, { data, expiresAt: Date.now() + 600_000 });
      return code;
    },
    redeemCode(code: string): T | undefined {
      const found = codes.get(code);
      codes.delete(code);
      return found && found.expiresAt > Date.now() ? found.data : undefined;
    },
    issueAccess(data: T, ttlSeconds = opts.accessTokenTtlSeconds): { token: string; expiresIn: number } {
      const value = token(`${opts.prefix}at-`);
      access.set(value, { data, expiresAt: Date.now() + ttlSeconds * 1000 });
      return { token: value, expiresIn: ttlSeconds };
    },
    /** The token's data while it works; undefined once it expired or when it was never issued. */
    checkAccess(value: string | undefined): T | undefined {
      const found = value ? access.get(value) : undefined;
      return found && found.expiresAt > Date.now() ? found.data : undefined;
    },
    issueRefresh(data: T): string {
      const value = token(`${opts.prefix}rt-`);
      refresh.set(value, data);
      return value;
    },
    checkRefresh(value: string | undefined): T | undefined {
      return value ? refresh.get(value) : undefined;
    },
    /** Every access token issued so far stops working (new ones still do). */
    expireAccessTokens() {
      for (const entry of access.values()) entry.expiresAt = 0;
    },
    /** Every refresh token issued so far is refused. */
    revokeRefreshTokens() {
      refresh.clear();
    },
  };
}

/**
 * Failures a test scripts: the next `times` requests answer `status` (with `body` and `headers`,
 * if given). A 429 carries `Retry-After: 60` unless the headers say otherwise, as a proxy in
 * front of the network would, so a test can see the wait carried through.
 */
export function createFailureQueue() {
  let next: { status: number; times: number; body?: unknown; headers: Record<string, string> } | null = null;
  return {
    failNext(status: number, times = 1, body?: unknown, headers: Record<string, string> = {}) {
      next = { status, times, body, headers: status === 429 ? { "retry-after": "60", ...headers } : headers };
    },
    take(): { status: number; body?: unknown; headers: Record<string, string> } | undefined {
      if (!next || next.times <= 0) return undefined;
      next.times--;
      return { status: next.status, body: next.body, headers: next.headers };
    },
  };
}

/** Fetches an image the way a network does from a public url: it must answer 200 with an image type. */
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

/** Serves `handle` on 127.0.0.1; a handler that throws answers 500 (`onError` shapes the body). */
export async function listenLocal(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  opts: { port?: number; onError: (res: ServerResponse, err: unknown) => void },
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) opts.onError(res, err);
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

/** What a fake records of each request, for tests to assert on. */
export interface FakeRequestRecord {
  method: string;
  /** Path and query, as received. */
  path: string;
  authorization?: string;
  body: string;
}
