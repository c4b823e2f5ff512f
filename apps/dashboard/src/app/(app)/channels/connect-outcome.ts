import "server-only";
import { portalCookieOptions, portalEnv } from "@leadmetrics/middleware";
import { cookies } from "next/headers";

/**
 * Why a connect did not finish, kept for the page that says so (`/channels/oauth/failed`): in a
 * short-lived cookie, never in the address, so nobody can link a person to a page carrying words
 * of their choosing.
 */
const COOKIE = "lm_channel_connect_failure";

export interface ConnectFailure {
  kind: string;
  message: string;
}

export async function rememberConnectFailure(failure: ConnectFailure): Promise<void> {
  (await cookies()).set(COOKIE, JSON.stringify(failure), {
    httpOnly: true,
    sameSite: "lax",
    path: "/channels/oauth",
    maxAge: 600,
    secure: portalCookieOptions(portalEnv()).secure,
  });
}

export async function readConnectFailure(): Promise<ConnectFailure | null> {
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<ConnectFailure>;
    return typeof parsed.kind === "string" && typeof parsed.message === "string"
      ? { kind: parsed.kind, message: parsed.message }
      : null;
  } catch {
    return null;
  }
}
