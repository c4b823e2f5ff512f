import type { ProviderError } from "./provider-error";

export interface HttpCallOptions {
  /** Whole-request deadline; a provider that hangs must not hold a queue worker forever. */
  timeoutMs?: number;
  /** The caller's own cancellation (e.g. a worker shutting down). */
  signal?: AbortSignal;
  /** The platform's guarded fetch (createOutboundFetch); the global one when unset. */
  fetch?: typeof fetch;
}

export interface HttpResult {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * fetch with a deadline that never throws for an HTTP status: the caller maps statuses to its
 * own error class. A network failure or a timeout becomes a retryable ProviderError (built by
 * `makeError`, so it has the provider's class) whose message names `what`, never the URL:
 * some providers (Telegram) carry the credential in the path.
 */
export async function callHttp(
  url: string,
  init: RequestInit,
  opts: HttpCallOptions & {
    what: string;
    makeError: (
      message: string,
      retryable: boolean,
      status?: number,
      options?: { retryAfterMs?: number; cause?: unknown },
    ) => ProviderError;
  },
): Promise<HttpResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
  let res: Response;
  let text: string;
  try {
    res = await (opts.fetch ?? fetch)(url, { ...init, signal: AbortSignal.any(signals) });
    text = await res.text();
  } catch (err) {
    // The caller cancelled on purpose: surface that as is, it is not a provider failure.
    if (opts.signal?.aborted) throw opts.signal.reason ?? err;
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    const reason = timedOut ? `timed out after ${timeoutMs} ms` : `is unreachable: ${describeNetworkError(err)}`;
    throw opts.makeError(`${opts.what} ${reason}`, true, undefined, { cause: err });
  }
  let json: unknown;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON: callers fall back to the text
    }
  }
  return { status: res.status, ok: res.ok, headers: res.headers, text, json };
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND, …) in `cause`. */
function describeNetworkError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause as { code?: string; message?: string } | undefined;
  return cause?.code ?? cause?.message ?? err.message;
}
