import { cookieNames, InvalidTokenError, type Portal, verifyAccessToken } from "@leadmetrics/auth/edge";
import { type NextRequest, NextResponse } from "next/server";
import { parsePortalEnv, portalCookieOptions, portalEnv } from "./portal-env";

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
}

export interface CookieOptions {
  secure: boolean;
  domain?: string;
}

type CookieTarget = { cookies: { set(name: string, value: string, options: Record<string, unknown>): unknown } };

/** Stores a session in the portal's httpOnly cookies (login route handlers and the middleware). */
export function setSessionCookies(res: CookieTarget, portal: Portal, tokens: SessionTokens, opts: CookieOptions): void {
  const names = cookieNames(portal);
  const base = {
    httpOnly: true,
    sameSite: "lax",
    secure: opts.secure,
    path: "/",
    ...(opts.domain ? { domain: opts.domain } : {}),
  };
  res.cookies.set(names.access, tokens.accessToken, { ...base, expires: new Date(tokens.accessTokenExpiresAt) });
  res.cookies.set(names.refresh, tokens.refreshToken, { ...base, expires: new Date(tokens.refreshTokenExpiresAt) });
}

export function clearSessionCookies(res: CookieTarget, portal: Portal, opts: CookieOptions): void {
  const names = cookieNames(portal);
  for (const name of [names.access, names.refresh])
    res.cookies.set(name, "", {
      httpOnly: true,
      sameSite: "lax",
      secure: opts.secure,
      path: "/",
      maxAge: 0,
      ...(opts.domain ? { domain: opts.domain } : {}),
    });
}

export interface JwtAuthMiddlewareOptions {
  portal: Portal;
  /** Where the API answers, seen from the portal's server. */
  apiUrl: string;
  jwtSecret: string;
  previousJwtSecret?: string;
  /** Path prefixes anyone may open (login, password reset, static assets). */
  publicPaths?: string[];
  loginPath?: string;
  cookies: CookieOptions;
  fetch?: typeof fetch;
}

const DEFAULT_PUBLIC = [
  "/login",
  "/register",
  "/forgot-password",
  "/reset-password",
  "/accept-invite",
  "/_next",
  "/favicon",
  "/icon.svg",
  "/api/auth",
];

/**
 * The portals' Next.js middleware. A valid access cookie passes (verified locally, no API call).
 * An expired one is refreshed silently through `POST /auth/v1/refresh` before the request goes
 * on, with the new token visible to this very request. A 401/403 from refresh sends the user to
 * the login page; a network error or 5xx lets the request through — the page's own API call
 * decides — so an API restart does not log everyone out.
 */
export function createJwtAuthMiddleware(opts: JwtAuthMiddlewareOptions) {
  const keys = [opts.jwtSecret, opts.previousJwtSecret]
    .filter((s): s is string => Boolean(s))
    .map((s) => new TextEncoder().encode(s));
  const publicPaths = opts.publicPaths ?? DEFAULT_PUBLIC;
  const loginPath = opts.loginPath ?? "/login";
  const names = cookieNames(opts.portal);
  const doFetch = opts.fetch ?? fetch;

  const toLogin = (req: NextRequest, reason?: string) => {
    const url = new URL(loginPath, req.url);
    url.searchParams.set("next", req.nextUrl.pathname + req.nextUrl.search);
    if (reason) url.searchParams.set("reason", reason);
    const res = NextResponse.redirect(url);
    clearSessionCookies(res, opts.portal, opts.cookies);
    return res;
  };

  return async function middleware(req: NextRequest): Promise<NextResponse> {
    return withSecurityHeaders(await decide(req), opts.cookies.secure);
  };

  async function decide(req: NextRequest): Promise<NextResponse> {
    const path = req.nextUrl.pathname;
    if (
      publicPaths.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : `${p}/`) || path.startsWith(`${p}?`))
    )
      return NextResponse.next();

    const access = req.cookies.get(names.access)?.value;
    if (access) {
      try {
        const claims = await verifyAccessToken(access, keys);
        if (!claims.appAccess.includes(opts.portal)) return toLogin(req, "no_access");
        return NextResponse.next();
      } catch (err) {
        if (!(err instanceof InvalidTokenError)) throw err;
        // expired or unreadable: try the refresh token
      }
    }
    const refreshToken = req.cookies.get(names.refresh)?.value;
    if (!refreshToken) return toLogin(req);

    let answer: Response;
    try {
      answer = await doFetch(`${opts.apiUrl.replace(/\/+$/, "")}/auth/v1/refresh`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ refreshToken }),
        signal: AbortSignal.timeout(5_000),
      });
    } catch {
      return NextResponse.next();
    }
    if (answer.status === 401 || answer.status === 403) return toLogin(req, "session_ended");
    if (!answer.ok) return NextResponse.next();
    const tokens = (await answer.json()) as SessionTokens;

    // The rest of this request (server components, route handlers) must see the new token.
    const headers = new Headers(req.headers);
    const jar = new Map(req.cookies.getAll().map((c) => [c.name, c.value]));
    jar.set(names.access, tokens.accessToken);
    jar.set(names.refresh, tokens.refreshToken);
    headers.set("cookie", [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("; "));
    const res = NextResponse.next({ request: { headers } });
    setSessionCookies(res, opts.portal, tokens, opts.cookies);
    return res;
  }
}

/**
 * Headers on every page a portal serves: no framing by other sites (a reviewer's Approve button
 * cannot be clickjacked), no MIME sniffing, no full URL in the Referer to other sites (reset and
 * invitation links carry a token), forms post only to the portal itself, and HSTS where HTTPS is on.
 */
export const PORTAL_SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "cross-origin-opener-policy": "same-origin",
};

export function withSecurityHeaders<R extends { headers: Headers }>(res: R, https: boolean): R {
  for (const [name, value] of Object.entries(PORTAL_SECURITY_HEADERS)) res.headers.set(name, value);
  if (https) res.headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return res;
}

/**
 * The middleware of a portal's `proxy.ts`, configured from the portal's environment (`portalEnv`,
 * or `env` in tests): API_URL, JWT_SECRET (and JWT_SECRET_PREVIOUS while a rotation is under way,
 * so signed-in people are not sent through a refresh), COOKIE_SECURE, COOKIE_DOMAIN. It is built on
 * the first request, so loading proxy.ts (the production build does) needs no environment; the
 * portal's instrumentation.ts validates it when the server starts.
 */
export function createPortalProxy(portal: Portal, env?: Record<string, string | undefined>) {
  let middleware: ((req: NextRequest) => Promise<NextResponse>) | undefined;
  return (req: NextRequest): Promise<NextResponse> => {
    if (!middleware) {
      const config = env ? parsePortalEnv(env) : portalEnv();
      middleware = createJwtAuthMiddleware({
        portal,
        apiUrl: config.API_URL,
        jwtSecret: config.JWT_SECRET,
        previousJwtSecret: config.JWT_SECRET_PREVIOUS,
        cookies: portalCookieOptions(config),
      });
    }
    return middleware(req);
  };
}

export {
  loadPortalEnvOrExit,
  type PortalEnv,
  PortalEnvError,
  parsePortalEnv,
  portalCookieOptions,
  portalEnv,
  portalEnvSchema,
} from "./portal-env";
