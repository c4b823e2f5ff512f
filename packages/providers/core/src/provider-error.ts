/**
 * The one failure shape every delivery provider throws. A queue worker needs exactly two facts
 * to decide what to do with a failed send: may the same request succeed later (`retryable`),
 * and how long the provider asked us to wait (`retryAfterMs`). Each provider subclasses this
 * so callers can still tell which channel failed.
 */
export class ProviderError extends Error {
  /** Milliseconds the provider asked us to wait before trying again (Retry-After, retry_after, …). */
  readonly retryAfterMs?: number;

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ProviderError";
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

/** True for any provider's error: lets a worker handle every channel's failures the same way. */
export function isProviderError(err: unknown): err is ProviderError {
  return err instanceof ProviderError;
}

/**
 * HTTP statuses worth retrying: throttling, timeouts and server-side failures. Every other 4xx
 * means the request itself is wrong and would fail again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Reads a Retry-After header (delta-seconds or an HTTP date) as milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
