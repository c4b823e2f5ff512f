/**
 * The only routes reachable without a token. Any other route must sit behind a router guard:
 * `buildApp` refuses to start if one does not (see `assertEveryRouteGuarded`).
 */
export const PUBLIC_ROUTES = new Set([
  "GET /health/live",
  "GET /health/ready",
  "POST /auth/v1/register",
  "POST /auth/v1/register/complete",
  "POST /auth/v1/login",
  "POST /auth/v1/refresh",
  "POST /auth/v1/forgot-password",
  "POST /auth/v1/reset-password",
  "POST /auth/v1/accept-invite",
  // A signed, expiring image link for the social networks that fetch a post's images themselves.
  "GET /public/v1/media/:token",
]);

/** Swagger UI and the OpenAPI JSON, when enabled. */
export const PUBLIC_PREFIXES = ["/docs"];

export function isPublicRoute(method: string, url: string): boolean {
  if (method === "HEAD" || method === "OPTIONS") return true;
  if (PUBLIC_ROUTES.has(`${method} ${url}`)) return true;
  return PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
}
