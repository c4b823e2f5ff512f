import { isAbortError } from "./abort";
import { isRetryableStatus } from "./retry";
import { FatalLlmError, RetryableLlmError } from "./types";

/** `retry-after` as milliseconds: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * A transport failure surfaced raw by fetch/undici ("fetch failed", "terminated" when a stream is cut,
 * socket error codes) or a timeout. Only meaningful once the caller's own signal is known not to have fired.
 */
export function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || code.startsWith("UND_ERR_"))) return true;
    if (e instanceof TypeError && (e.message === "fetch failed" || e.message === "terminated")) return true;
    if (isAbortError(e)) return true;
  }
  return false;
}

export interface HttpFailure {
  /** Undefined when no HTTP status was received: connection refused/reset, timeout, an error event mid-stream. */
  status: number | undefined;
  retryAfter?: string | null;
}

/**
 * One classification for every HTTP-backed adapter. Pass `http` when the SDK's own error type says
 * the failure came from the request (with or without a status); anything else is retryable only if it
 * looks like a network failure. No status (network, timeout, a stream that broke after a 200) and
 * 408/409/429/5xx are retryable; every other status, and unknown errors, are fatal.
 */
export function toLlmError(err: unknown, source: string, http?: HttpFailure): RetryableLlmError | FatalLlmError {
  const message = `${source}: ${err instanceof Error ? err.message : String(err)}`;
  const retryable = http ? http.status === undefined || isRetryableStatus(http.status) : isNetworkError(err);
  const error = retryable
    ? new RetryableLlmError(message, http?.status, parseRetryAfter(http?.retryAfter))
    : new FatalLlmError(message, http?.status);
  (error as Error & { cause?: unknown }).cause = err;
  return error;
}
