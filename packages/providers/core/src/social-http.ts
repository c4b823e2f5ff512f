import { callHttp, type HttpResult } from "./http";
import { parseRetryAfter } from "./provider-error";
import type { SocialProviderConfig } from "./social";
import { SocialProviderError } from "./social";

/**
 * What every social network's client shares: its hosts (or the one local server standing in for
 * them), HTTP through the config's fetch with a deadline, the failures every network answers
 * alike, and token expiry. What a network's error body means stays in its own package.
 */

/** The origin to call: the network's own, or `config.baseUrl`, which replaces every host of it. */
export const networkOrigin = (config: SocialProviderConfig, origin: string): string =>
  config.baseUrl ? config.baseUrl.replace(/\/+$/, "") : origin;

/** A form body (token endpoints) without the fields left undefined. */
export function formBody(fields: Record<string, string | undefined>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) body.set(key, value);
  return body;
}

/** When a token given `expires_in` seconds ago stops working; undefined when the network did not say. */
export function expiresAtFrom(expiresIn: unknown, now: number = Date.now()): Date | undefined {
  const seconds = typeof expiresIn === "string" ? Number(expiresIn) : expiresIn;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0
    ? new Date(now + seconds * 1000)
    : undefined;
}

/**
 * One call to a network: never throws for a status (the caller reads the body), and a network
 * failure or a timeout becomes an `unavailable` SocialProviderError naming the network.
 */
export function socialHttp(config: SocialProviderConfig, network: string, label: string) {
  return (url: string, init: RequestInit = {}): Promise<HttpResult> =>
    callHttp(url, init, {
      timeoutMs: config.timeoutMs,
      fetch: config.fetch,
      what: label,
      makeError: (message, _retryable, status, options) =>
        new SocialProviderError(network, "unavailable", `${label} could not be reached: try again later.`, {
          status,
          detail: message,
          cause: options?.cause,
        }),
    });
}

/**
 * The failures every network answers alike: throttling (with the wait it asked for) and its own
 * outages. Undefined for anything else, which only the network's error body explains.
 */
export function transientFailure(network: string, label: string, res: HttpResult): SocialProviderError | undefined {
  const detail = `HTTP ${res.status} ${res.text.slice(0, 2000)}`;
  if (res.status === 429)
    return new SocialProviderError(
      network,
      "rate_limited",
      `${label} is limiting requests: publishing retries later.`,
      {
        status: res.status,
        retryAfterMs: parseRetryAfter(res.headers.get("retry-after")),
        detail,
      },
    );
  if (res.status >= 500)
    return new SocialProviderError(
      network,
      "unavailable",
      `${label} had a server error (HTTP ${res.status}): publishing retries later.`,
      { status: res.status, detail },
    );
  return undefined;
}

/** Why a call was made: it decides what a refusal tells the person to do next. */
export type SocialCallPurpose = "connect" | "refresh" | "read" | "publish";

/** The sentence for a refusal no more specific rule explains: the network's reason, then the next step. */
export function refusalMessage(label: string, reason: string, purpose: SocialCallPurpose): string {
  if (purpose === "connect") return `${label} refused the sign-in (${reason}): connect the channel again in Channels.`;
  if (purpose === "publish") return `${label} refused the post: ${reason}. Change the post, then retry publishing.`;
  return `${label} refused the request (${reason}): try again; if it keeps failing, reconnect the channel in Channels.`;
}
