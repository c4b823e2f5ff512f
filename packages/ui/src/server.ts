import "server-only";
import { type ApiClient, createApiClient } from "@leadmetrics/api-client";
import { cookieNames, type Portal } from "@leadmetrics/auth/edge";
import {
  clearSessionCookies,
  portalCookieOptions,
  portalEnv,
  type SessionTokens,
  setSessionCookies,
} from "@leadmetrics/middleware";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { encodeFlash, FLASH_COOKIE, type Flash, parseFlash } from "./flash";
import type { FormState } from "./form-state";

/** Where this portal's server reaches the API. */
export const apiUrl = () => portalEnv().API_URL;
/** The API address browsers use, for the client components that connect to it. */
export const publicApiUrl = () => portalEnv().PUBLIC_API_URL;
const cookieOptions = () => portalCookieOptions(portalEnv());

/** The API, as the signed-in user of this portal (server components and actions only). */
export async function serverApi(portal: Portal): Promise<ApiClient> {
  const jar = await cookies();
  const requestId = (await headers()).get("x-request-id") ?? undefined;
  return createApiClient({ baseUrl: apiUrl(), token: jar.get(cookieNames(portal).access)?.value, requestId });
}

type ErrorBody = { error?: { code?: string; message?: string; details?: { fields?: { path?: string }[] } } };

/**
 * Reads an API answer: 401 → login, 404 (or an id in the address that is not one) → the
 * not-found page, a suspended workspace → the page that says so, other errors → thrown (the
 * segment's error page).
 */
export function unwrap<T>(_portal: Portal, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined) return result.data;
  const body = (result.error as ErrorBody | undefined)?.error;
  const status = result.response.status;
  if (status === 401) redirect("/login");
  if (status === 404) notFound();
  if (status === 400 && body?.details?.fields?.some((f) => f.path?.startsWith("params."))) notFound();
  if (status === 403 && body?.code === "TENANT_SUSPENDED") redirect("/suspended");
  throw new Error(body?.message ?? `API answered ${status}`);
}

/**
 * The signed-in person, their session and workspaces (`/auth/v1/me`), read once per request
 * however many parts of the page ask (the frame, the page's title, the suspended page).
 */
export const currentAccount = cache(async (portal: Portal) =>
  unwrap(portal, await (await serverApi(portal)).GET("/auth/v1/me")),
);

/** The workspace this Dashboard session acts for (null for staff sessions). */
export async function currentWorkspace() {
  const me = await currentAccount("dashboard");
  return me.memberships.find((m) => m.tenantId === me.session.tenantId) ?? null;
}

/**
 * The zone the Dashboard writes moments in: the workspace's (chosen at sign-up), UTC for a
 * session without one.
 */
export async function workspaceTimeZone(): Promise<string> {
  return (await currentWorkspace())?.tenantTimezone ?? "UTC";
}

/**
 * Leaves a message for the page a server action redirects to: shown there once, as a toast.
 * Call it just before `redirect()`.
 */
export async function flash(kind: Flash["kind"], message: string): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, encodeFlash({ id: crypto.randomUUID(), kind, message }), {
    // Not httpOnly: the page drops it once shown (it carries no secret, only the sentence).
    httpOnly: false,
    sameSite: "lax",
    path: "/",
    maxAge: 60,
    secure: cookieOptions().secure,
  });
}

/** The message a server action left for this page, if any (the Toaster drops the cookie). */
export async function readFlash(): Promise<Flash | null> {
  const raw = (await cookies()).get(FLASH_COOKIE)?.value;
  return raw ? parseFlash(raw) : null;
}

/**
 * A Dashboard page's title, naming the workspace: "Plans — Acme" (the root layout adds
 * " · Leadmetrics").
 */
export async function workspaceMetadata(page: string): Promise<{ title: string }> {
  const workspace = await currentWorkspace();
  return { title: workspace ? `${page} — ${workspace.tenantName}` : page };
}

/** Support's address, for the pages that tell people whom to contact. */
export const supportEmail = () => portalEnv().SUPPORT_EMAIL;
/** The DM portal's address, for Manage's links to an activity's review page. */
export const dmUrl = () => portalEnv().DM_URL;

export type { FormAction, FormState } from "./form-state";

/** The API's error answer as form state: the message, and each invalid field's own message. */
export function formError(error: unknown): FormState {
  const e = (
    error as { error?: { message?: string; details?: { fields?: { path: string; message: string }[] } } } | undefined
  )?.error;
  // A unique violation names its fields as bare strings; validation errors as { path, message }.
  const list = Array.isArray(e?.details?.fields) ? e.details.fields : [];
  const fields = Object.fromEntries(
    list
      .filter((f): f is { path: string; message: string } => typeof f?.path === "string")
      .map((f) => [f.path.replace(/^body\./, ""), f.message ?? "is not valid"]),
  );
  return { error: e?.message ?? "Something went wrong; please try again", fields };
}

/**
 * A failed form's answer as one sentence for the page's alert: the first invalid field, named
 * (`labels`, or the field's own name capitalised), else the API's message.
 */
export function errorSentence(state: FormState, labels?: Record<string, string>): string {
  const [field, problem] = Object.entries(state.fields ?? {}).find(([name]) => !labels || name in labels) ?? [];
  if (!field) return state.error ?? "Something went wrong; please try again";
  return `${labels?.[field] ?? `${field[0]!.toUpperCase()}${field.slice(1)}`} ${problem}.`;
}

/** The person's address for the API's per-address limits (honoured only from its TRUST_PROXY). */
export async function clientAddressHeaders(): Promise<Record<string, string>> {
  const incoming = await headers();
  const clientIp = incoming.get("x-forwarded-for")?.split(",")[0]?.trim() || incoming.get("x-real-ip") || undefined;
  return clientIp ? { "x-forwarded-for": clientIp } : {};
}

/**
 * Signs in through the API and keeps the session in this portal's httpOnly cookies. The
 * person's address is forwarded, so the API's per-address login limit applies to them and not
 * to the portal server (the API honours it only from addresses in its TRUST_PROXY).
 */
export async function signIn(portal: Portal, email: string, password: string): Promise<FormState | null> {
  const api = createApiClient({ baseUrl: apiUrl() });
  const res = await api.POST("/auth/v1/login", {
    body: { email, password, portal },
    headers: await clientAddressHeaders(),
  });
  if (!res.data) return formError(res.error);
  setSessionCookies({ cookies: await cookies() }, portal, res.data as SessionTokens, cookieOptions());
  return null;
}

const REGISTRATION_COOKIE = "dashboard_registration";
const registrationCookie = (maxAge: number) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/register",
  maxAge,
  ...cookieOptions(),
});

/**
 * Step 1 of sign-up: the API checks the details and opens a one-hour registration session. Its
 * token waits in an httpOnly cookie (never in a URL) for step 2.
 */
export async function startRegistration(body: {
  name: string;
  email: string;
  password: string;
}): Promise<FormState | null> {
  const api = createApiClient({ baseUrl: apiUrl() });
  const res = await api.POST("/auth/v1/register", { body, headers: await clientAddressHeaders() });
  if (!res.data) return formError(res.error);
  (await cookies()).set(REGISTRATION_COOKIE, res.data.registrationToken, registrationCookie(3_600));
  return null;
}

export const hasRegistration = async () => Boolean((await cookies()).get(REGISTRATION_COOKIE)?.value);

/** Step 2: names the workspace; the API creates it with its owner, and the owner is signed in. */
export async function completeRegistration(body: {
  workspaceName: string;
  timezone: string;
}): Promise<FormState | null> {
  const jar = await cookies();
  const registrationToken = jar.get(REGISTRATION_COOKIE)?.value;
  if (!registrationToken) return { error: "The sign-up session has ended: start again." };
  const api = createApiClient({ baseUrl: apiUrl() });
  const res = await api.POST("/auth/v1/register/complete", {
    body: { registrationToken, ...body, portal: "dashboard" },
    headers: await clientAddressHeaders(),
  });
  if (!res.data) return formError(res.error);
  jar.set(REGISTRATION_COOKIE, "", registrationCookie(0));
  setSessionCookies({ cookies: jar }, "dashboard", res.data as SessionTokens, cookieOptions());
  return null;
}

/** Signs out of this browser, or (`everywhere`) ends every session of the account on every device. */
export async function signOut(portal: Portal, everywhere = false): Promise<void> {
  const api = await serverApi(portal);
  await api.POST(everywhere ? "/auth/v1/logout-all" : "/auth/v1/logout", { body: {} }).catch(() => undefined);
  clearSessionCookies({ cookies: await cookies() }, portal, cookieOptions());
}

/**
 * An image file the API answered (read with `parseAs: "stream"`), passed on to the browser as it
 * is, never sniffed or run; anything else is a bare 404 (401 when the session ended).
 */
export function imageResponse(res: { data?: ReadableStream<Uint8Array> | null; response: Response }): Response {
  if (!res.response.ok || !res.data) return new Response(null, { status: res.response.status === 401 ? 401 : 404 });
  return new Response(res.data, {
    headers: {
      "content-type": res.response.headers.get("content-type") ?? "application/octet-stream",
      "cache-control": "private, max-age=300",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
