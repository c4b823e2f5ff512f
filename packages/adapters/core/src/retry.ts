import { RetryableLlmError } from "./types";

export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
}

/** Classifies an HTTP status from any SDK: 429 and 5xx are worth retrying. */
export const isRetryableStatus = (status: number | undefined): boolean =>
  status === 408 || status === 409 || status === 429 || (status !== undefined && status >= 500);

/**
 * Retries RetryableLlmError with exponential backoff (honouring retry-after), up to `retries`
 * extra attempts. Every adapter uses this one loop; SDK-internal retries are switched off.
 */
export async function withRetries<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const retries = opts.retries ?? 3;
  const base = opts.baseDelayMs ?? 500;
  const max = opts.maxDelayMs ?? 20_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof RetryableLlmError) || attempt >= retries || opts.signal?.aborted) throw err;
      const backoff = Math.min(max, base * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      await new Promise((r) =>
        setTimeout(r, err.retryAfterMs !== undefined ? Math.min(max, err.retryAfterMs) : backoff),
      );
    }
  }
}
