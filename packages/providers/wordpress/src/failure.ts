import { NotPublicAddressError } from "@leadmetrics/provider-core";

/**
 * Why a call to a WordPress site failed, in the few classes a person can act on. The sentence
 * shown for each (`describeFailure`) names the site's host and the next step; it never carries
 * the resolved address, a stack or the transport's own words ("fetch failed").
 */
export type WordPressFailureKind =
  /** No such domain (DNS answered that the name does not exist). */
  | "host_not_found"
  /** The connection was refused, reset or the host is unreachable. */
  | "unreachable"
  | "timeout"
  /** The HTTPS certificate is expired, self-signed or for another name. */
  | "tls"
  /** The host resolves to a loopback, private or link-local address: the platform does not call it. */
  | "private_address"
  /** It answered a POST with a redirect: the address stored is not the site's final address. */
  | "redirected"
  /** No WordPress REST API there: 404, HTML, or JSON that is not WordPress's. */
  | "not_wordpress"
  /** WordPress does not know the user name. */
  | "unknown_user"
  /** WordPress refused the application password. */
  | "bad_password"
  /** Application passwords are turned off on the site (or for the user). */
  | "app_passwords_disabled"
  /** 401 without a reason: the login did not arrive (a proxy stripping Authorization) or was refused. */
  | "not_logged_in"
  /** The user may not publish posts (403, or no publish_posts capability). */
  | "cannot_publish"
  /** 5xx: the site itself failed. */
  | "server_error"
  /** Any other refusal (4xx) of a well-formed request. */
  | "rejected";

/** Worth trying the same request again later: the site may come back; nothing on our side is wrong. */
const RETRYABLE: ReadonlySet<WordPressFailureKind> = new Set(["unreachable", "timeout", "server_error"]);

export class WordPressError extends Error {
  /** The site's host as the person typed it ("blog.example.com", "example.com:8080"). */
  readonly host: string;
  /** For logs and operators only (may hold a transport code or an HTTP status): never shown to clients. */
  readonly detail: string;
  readonly status: number | undefined;

  constructor(
    readonly kind: WordPressFailureKind,
    siteUrl: string,
    options: { status?: number; detail?: string; user?: string; cause?: unknown } = {},
  ) {
    const host = hostOf(siteUrl);
    super(describeFailure(kind, host, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WordPressError";
    this.host = host;
    this.status = options.status;
    this.detail = options.detail ?? kind;
  }

  /** Retrying cannot help: the credentials, the address or the site's setup must change first. */
  get permanent(): boolean {
    return !RETRYABLE.has(this.kind);
  }
}

export const isWordPressError = (err: unknown): err is WordPressError => err instanceof WordPressError;

/** "blog.example.com" from "https://blog.example.com/news"; the input itself if it is not a URL. */
export function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).host || siteUrl;
  } catch {
    return siteUrl;
  }
}

/** The plain sentence for a failure: what happened at which site, then what to do. */
export function describeFailure(
  kind: WordPressFailureKind,
  host: string,
  options: { status?: number; user?: string } = {},
): string {
  const at = `WordPress at ${host}`;
  const user = options.user ? `the user “${options.user}”` : "this user";
  switch (kind) {
    case "host_not_found":
      return `${host} was not found (no such domain): check the site address and reconnect in Channels.`;
    case "unreachable":
      return `${at} could not be reached: check that the site is online, then try again.`;
    case "timeout":
      return `${at} did not answer in time: check that the site is online, then try again.`;
    case "tls":
      return `${at} has an HTTPS certificate that is not valid: renew it (or use the site's exact address), then reconnect in Channels.`;
    case "private_address":
      return `${at} is on a private network address the platform may not call: connect the site's public address in Channels.`;
    case "redirected":
      return `${at} redirects to another address: reconnect in Channels with the site's exact address (https://, with or without www).`;
    case "not_wordpress":
      return `${host} does not answer like a WordPress site (its REST API is missing or turned off): check the address, or turn the REST API on, then reconnect in Channels.`;
    case "unknown_user":
      return `${at} does not know ${user}: check the user name and reconnect in Channels.`;
    case "bad_password":
      return `${at} refused the password: reconnect in Channels with a new application password.`;
    case "app_passwords_disabled":
      return `${at} has application passwords turned off: turn them on (or ask the site's administrator), then reconnect in Channels.`;
    case "not_logged_in":
      return `${at} did not accept the login: check the user name and application password, then reconnect in Channels.`;
    case "cannot_publish":
      return `${at} does not let ${user} publish posts: give the user the Author, Editor or Administrator role, then try again.`;
    case "server_error":
      return `${at} had a server error${options.status ? ` (HTTP ${options.status})` : ""}: try again later; if it keeps failing, check the site.`;
    case "rejected":
      return `${at} refused the request${options.status ? ` (HTTP ${options.status})` : ""}: check the site's settings, then try again.`;
  }
}

/** The transport codes undici hides in `cause` (and, for DNS, in the cause's cause). */
function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ERR_INVALID_STATE") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const TLS_CODES = /^(CERT_|ERR_TLS_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_)/;

/** A request that did not get an answer, as a WordPressError (the caller's own cancellation excluded). */
export function networkFailure(err: unknown, siteUrl: string): WordPressError {
  if (err instanceof NotPublicAddressError)
    return new WordPressError("private_address", siteUrl, { detail: err.message, cause: err });
  const name = (err as { name?: string } | null)?.name;
  if (name === "TimeoutError") return new WordPressError("timeout", siteUrl, { detail: "timeout", cause: err });
  const code = networkCode(err);
  const detail = code ?? (err instanceof Error ? err.message : String(err));
  if (code === "ENOTFOUND") return new WordPressError("host_not_found", siteUrl, { detail, cause: err });
  if (code && TLS_CODES.test(code)) return new WordPressError("tls", siteUrl, { detail, cause: err });
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT")
    return new WordPressError("timeout", siteUrl, { detail, cause: err });
  if (err instanceof Error && /redirects from/.test(err.message))
    return new WordPressError("redirected", siteUrl, { detail, cause: err });
  return new WordPressError("unreachable", siteUrl, { detail, cause: err });
}

/** WordPress's own error codes for a refused login (wp_authenticate_application_password). */
const LOGIN_CODES: Partial<Record<string, WordPressFailureKind>> = {
  invalid_username: "unknown_user",
  invalid_email: "unknown_user",
  incorrect_password: "bad_password",
  application_passwords_disabled: "app_passwords_disabled",
  application_passwords_disabled_for_user: "app_passwords_disabled",
};

/** An HTTP answer that is not a success, as a WordPressError. `body` is the parsed JSON, if any. */
export function responseFailure(status: number, body: unknown, siteUrl: string, user?: string): WordPressError {
  const wpCode =
    body && typeof body === "object" && typeof (body as { code?: unknown }).code === "string"
      ? (body as { code: string }).code
      : undefined;
  const detail = `HTTP ${status}${wpCode ? ` ${wpCode}` : ""}`;
  const kind: WordPressFailureKind =
    status >= 300 && status < 400
      ? "redirected"
      : status === 401
        ? (LOGIN_CODES[wpCode ?? ""] ?? "not_logged_in")
        : status === 403
          ? // WordPress says why (rest_cannot_create, …); a bare 403 is a firewall in front of the site.
            wpCode
            ? "cannot_publish"
            : "rejected"
          : (status === 404 || status === 410) && (!wpCode || wpCode === "rest_no_route")
            ? "not_wordpress"
            : status >= 500
              ? "server_error"
              : "rejected";
  return new WordPressError(kind, siteUrl, { status, detail, user });
}
