import Anthropic, { APIError } from "@anthropic-ai/sdk";
import { type LlmAdapter, runCompletion, toLlmError } from "@leadmetrics/adapter-core";

export interface AnthropicAdapterOptions {
  apiKey: string;
  baseURL?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first, on retryable failures. */
  retries?: number;
  retryBaseDelayMs?: number;
  /** Used when the request gives no maxOutputTokens (the Messages API requires one). */
  defaultMaxOutputTokens?: number;
}

export function createAnthropicAdapter(opts: AnthropicAdapterOptions): LlmAdapter {
  // maxRetries 0: the one retry loop is core's withRetries, shared by every adapter.
  const client = new Anthropic({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 600_000,
    maxRetries: 0,
  });
  return {
    name: "anthropic",
    complete: (req) =>
      runCompletion({
        adapter: "anthropic",
        request: req,
        retries: opts.retries,
        retryBaseDelayMs: opts.retryBaseDelayMs,
        mapError: mapAnthropicError,
        attempt: async (emit) => {
          const stream = await client.messages.create(
            {
              model: req.model,
              max_tokens: req.maxOutputTokens ?? opts.defaultMaxOutputTokens ?? 8192,
              ...(req.system ? { system: req.system } : {}),
              ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
              messages: [{ role: "user", content: req.prompt }],
              stream: true,
            },
            { signal: req.signal },
          );
          let text = "";
          let inputTokens = 0;
          let outputTokens = 0;
          for await (const event of stream) {
            if (event.type === "message_start") {
              const u = event.message.usage;
              inputTokens = u.input_tokens + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
              outputTokens = u.output_tokens;
            } else if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
              text += event.delta.text;
              emit(event.delta.text);
            } else if (event.type === "message_delta") {
              // Cumulative counts: the last message_delta holds the totals.
              outputTokens = event.usage.output_tokens;
            }
          }
          return { text, usage: { inputTokens, outputTokens } };
        },
      }),
  };
}

function mapAnthropicError(err: unknown): Error {
  // APIError covers HTTP statuses, connection errors and timeouts (no status), and error events mid-stream.
  return err instanceof APIError
    ? toLlmError(err, "anthropic", { status: err.status, retryAfter: err.headers?.get("retry-after") })
    : toLlmError(err, "anthropic");
}
