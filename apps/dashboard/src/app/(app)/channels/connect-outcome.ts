import "server-only";
import { portalCookieOptions, portalEnv } from "@leadmetrics/middleware";
import { cookies } from "next/headers";

/**
 * Why a connect did not finish, kept for the page that says so (`/channels/oauth/failed`): in a
 * short-lived cookie, never in the address, so nobody can link a person to a page carrying words
 * of their choosing.
 */
const COOKIE = "lm_channel_connect_failure";

export async function rememberConnectFailure(message: string): Promise<void> {
  (await cookies()).set(COOKIE, message, {
    httpOnly: true,
    sameSite: "lax",
    path: "/channels/oauth",
    maxAge: 600,
    secure: portalCookieOptions(portalEnv()).secure,
  });
}

export async function readConnectFailure(): Promise<string | null> {
  return (await cookies()).get(COOKIE)?.value ?? null;
}
