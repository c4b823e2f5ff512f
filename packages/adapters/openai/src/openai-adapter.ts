import { type LlmAdapter, runCompletion, toLlmError } from "@leadmetrics/adapter-core";
import OpenAI, { APIError } from "openai";

export interface OpenAIAdapterOptions {
  apiKey: string;
  /** Including the version path, e.g. https://api.openai.com/v1. */
  baseURL?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first, on retryable failures. */
  retries?: number;
  retryBaseDelayMs?: number;
}

export function createOpenAIAdapter(opts: OpenAIAdapterOptions): LlmAdapter {
  // maxRetries 0: the one retry loop is core's withRetries, shared by every adapter.
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs ?? 600_000,
    maxRetries: 0,
  });
  return {
    name: "openai",
    complete: (req) =>
      runCompletion({
        adapter: "openai",
        request: req,
        retries: opts.retries,
        retryBaseDelayMs: opts.retryBaseDelayMs,
        mapError: mapOpenAIError,
        attempt: async (emit) => {
          const stream = await client.chat.completions.create(
            {
              model: req.model,
              messages: [
                ...(req.system ? [{ role: "system" as const, content: req.system }] : []),
                { role: "user" as const, content: req.prompt },
              ],
              stream: true,
              // Usage arrives in one last chunk with no choices.
              stream_options: { include_usage: true },
              ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
              ...(req.maxOutputTokens !== undefined ? { max_completion_tokens: req.maxOutputTokens } : {}),
            },
            { signal: req.signal },
          );
          let text = "";
          let usage = { inputTokens: 0, outputTokens: 0 };
          for await (const chunk of stream) {
            const delta = chunk.choices[0]?.delta?.content;
            if (delta) {
              text += delta;
              emit(delta);
            }
            if (chunk.usage)
              usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
          }
          return { text, usage };
        },
      }),
  };
}

function mapOpenAIError(err: unknown): Error {
  // APIError covers HTTP statuses, connection errors and timeouts (no status), and error events mid-stream.
  return err instanceof APIError
    ? toLlmError(err, "openai", { status: err.status, retryAfter: err.headers?.get("retry-after") })
    : toLlmError(err, "openai");
}
