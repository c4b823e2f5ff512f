import type { Portal } from "@leadmetrics/auth/edge";
import { z } from "zod";
import type { CookieOptions } from "./index";

const secret = z.string().min(32, "must be at least 32 characters");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");
/** An optional variable set to the empty string counts as not set (`COOKIE_DOMAIN=` in a .env file). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/**
 * Everything a portal's server reads from its environment. None of it reaches the browser: a
 * server component hands a client component only what it needs (PUBLIC_API_URL).
 */
export const portalEnvSchema = z.object({
  /** Where the portal's server reaches the API. */
  API_URL: httpUrl.default("http://127.0.0.1:3003"),
  /** The API address browsers use: live updates, and Manage's link to the queue dashboard. */
  PUBLIC_API_URL: httpUrl.default("http://localhost:3003"),
  /** The API's signing secret: access cookies are verified locally, without an API call. */
  JWT_SECRET: secret,
  /** The previous secret, still accepted while a rotation is under way. */
  JWT_SECRET_PREVIOUS: optional(secret),
  /** Secure cookies need HTTPS: false only for http://localhost. */
  COOKIE_SECURE: bool.default(true),
  COOKIE_DOMAIN: optional(z.string()),
  /** Whom people write to when a page tells them to contact us (a suspended workspace). */
  SUPPORT_EMAIL: z.email({ error: "must be an email address" }).default("support@leadmetrics.local"),
  /** The DM portal's address: Manage links an activity to its review page there. */
  DM_URL: httpUrl.default("http://localhost:3002"),
});

export type PortalEnv = z.infer<typeof portalEnvSchema>;

/** The portal's environment does not satisfy the schema; the message names each variable. */
export class PortalEnvError extends Error {
  constructor(readonly issues: { variable: string; problem: string }[]) {
    super(
      `Invalid environment:\n${issues.map((i) => `  - ${i.variable}: ${i.problem}`).join("\n")}\n` +
        "See .env.example for every variable and a safe development default.",
    );
    this.name = "PortalEnvError";
  }
}

export function parsePortalEnv(env: Record<string, string | undefined>): PortalEnv {
  const parsed = portalEnvSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new PortalEnvError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.join(".") || "(environment)",
      problem: issue.code === "invalid_type" && issue.input === undefined ? "is required but not set" : issue.message,
    })),
  );
}

let current: PortalEnv | undefined;

/** This portal server's environment, validated on first use and kept (it does not change while the server runs). */
export const portalEnv = (): PortalEnv => (current ??= parsePortalEnv(process.env));

/**
 * For the portal's `instrumentation.ts`, which Next.js runs once when the server starts (never
 * during the build): an invalid environment stops the server at once, naming each variable.
 */
export function loadPortalEnvOrExit(portal: Portal): PortalEnv {
  try {
    return portalEnv();
  } catch (err) {
    if (!(err instanceof PortalEnvError)) throw err;
    process.stderr.write(`[${portal}] ${err.message}\n`);
    process.exit(1);
  }
}

/** The session cookies' options, the same for the proxy and the portal's server actions. */
export const portalCookieOptions = (env: PortalEnv): CookieOptions => ({
  secure: env.COOKIE_SECURE,
  domain: env.COOKIE_DOMAIN,
});
