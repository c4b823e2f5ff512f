import { cookieNames, type Portal } from "@leadmetrics/auth";
import type { FastifyReply } from "fastify";
import type { ApiConfig } from "../config";
import type { SessionTokens } from "./session-service";

type CookieConfig = Pick<
  ApiConfig,
  "COOKIE_SECURE" | "COOKIE_DOMAIN" | "ACCESS_TOKEN_TTL_SECONDS" | "REFRESH_TOKEN_TTL_SECONDS"
>;

const base = (config: CookieConfig) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure: config.COOKIE_SECURE,
  path: "/",
  ...(config.COOKIE_DOMAIN ? { domain: config.COOKIE_DOMAIN } : {}),
});

/** Per-portal httpOnly cookies, so one browser can hold a Dashboard and a DM session at once. */
export function setSessionCookies(
  reply: FastifyReply,
  portal: Portal,
  tokens: SessionTokens,
  config: CookieConfig,
): void {
  const names = cookieNames(portal);
  reply.setCookie(names.access, tokens.accessToken, { ...base(config), maxAge: config.ACCESS_TOKEN_TTL_SECONDS });
  reply.setCookie(names.refresh, tokens.refreshToken, { ...base(config), maxAge: config.REFRESH_TOKEN_TTL_SECONDS });
}

export function clearSessionCookies(reply: FastifyReply, portal: Portal, config: CookieConfig): void {
  const names = cookieNames(portal);
  reply.clearCookie(names.access, base(config));
  reply.clearCookie(names.refresh, base(config));
}
