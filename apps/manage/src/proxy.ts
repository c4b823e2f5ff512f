import { createJwtAuthMiddleware } from "@leadmetrics/middleware";

/** Signs in or refreshes before any page renders; the API still checks every call itself. */
export const proxy = createJwtAuthMiddleware({
  portal: "manage",
  apiUrl: process.env.API_URL ?? "http://127.0.0.1:3003",
  jwtSecret: process.env.JWT_SECRET ?? "",
  cookies: { secure: process.env.COOKIE_SECURE === "true", domain: process.env.COOKIE_DOMAIN || undefined },
});

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
