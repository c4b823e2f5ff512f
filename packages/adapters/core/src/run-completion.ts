import { abortError } from "./abort";
import { costOf } from "./costs";
import { withRetries } from "./retry";
import { type LlmRequest, type LlmResult, type LlmUsage, RetryableLlmError } from "./types";

export interface RunCompletionOptions {
  adapter: string;
  request: LlmRequest;
  /** One attempt against the backend. Call `emit` for each text delta, in order. */
  attempt: (emit: (text: string) => void) => Promise<{ text: string; usage: LlmUsage; cost?: number }>;
  /** Turns whatever the backend's SDK threw into RetryableLlmError / FatalLlmError. */
  mapError: (err: unknown) => Error;
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
}

/** Carries a retryable error past withRetries: a retry would replay text the caller already received. */
class AlreadyStreamed extends Error {
  constructor(readonly inner: RetryableLlmError) {
    super(inner.message);
  }
}

/**
 * The shared body of every SDK adapter's `complete`: retries (the same loop for all), abort handling,
 * timing and cost. An attempt that fails after text reached `onChunk` is not retried here, so
 * `onChunk` never sees text twice; the RetryableLlmError still reaches the caller, who may start over.
 */
export async function runCompletion(opts: RunCompletionOptions): Promise<LlmResult> {
  const { request } = opts;
  const started = performance.now();
  try {
    const out = await withRetries(
      async () => {
        if (request.signal?.aborted) throw abortError(request.signal);
        let streamed = false;
        const emit = (text: string) => {
          if (text === "") return;
          streamed = true;
          request.onChunk?.(text);
        };
        try {
          const out = await opts.attempt(emit);
          // Some SDK streams end quietly when aborted: a cut-off answer must not pass as complete.
          if (request.signal?.aborted) throw abortError(request.signal);
          return out;
        } catch (err) {
          if (request.signal?.aborted) throw abortError(request.signal);
          const mapped = opts.mapError(err);
          throw streamed && mapped instanceof RetryableLlmError ? new AlreadyStreamed(mapped) : mapped;
        }
      },
      {
        retries: opts.retries,
        baseDelayMs: opts.retryBaseDelayMs,
        maxDelayMs: opts.retryMaxDelayMs,
        signal: request.signal,
      },
    );
    return {
      text: out.text,
      usage: out.usage,
      cost: out.cost ?? costOf(request.model, out.usage),
      durationMs: Math.round(performance.now() - started),
      adapter: opts.adapter,
      model: request.model,
      offline: false,
    };
  } catch (err) {
    throw err instanceof AlreadyStreamed ? err.inner : err;
  }
}
