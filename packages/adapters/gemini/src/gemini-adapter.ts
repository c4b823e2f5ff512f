import { ApiError, GoogleGenAI } from "@google/genai";
import { type LlmAdapter, runCompletion, toLlmError } from "@leadmetrics/adapter-core";

export interface GeminiAdapterOptions {
  apiKey: string;
  /** e.g. https://generativelanguage.googleapis.com (the SDK appends the API version). */
  baseUrl?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after the first, on retryable failures. */
  retries?: number;
  retryBaseDelayMs?: number;
}

export function createGeminiAdapter(opts: GeminiAdapterOptions): LlmAdapter {
  // No httpOptions.retryOptions: the SDK then makes one attempt, and core's withRetries owns retrying.
  const ai = new GoogleGenAI({
    apiKey: opts.apiKey,
    httpOptions: { ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}), timeout: opts.timeoutMs ?? 600_000 },
  });
  return {
    name: "gemini",
    complete: (req) =>
      runCompletion({
        adapter: "gemini",
        request: req,
        retries: opts.retries,
        retryBaseDelayMs: opts.retryBaseDelayMs,
        mapError: (err) =>
          err instanceof ApiError ? toLlmError(err, "gemini", { status: err.status }) : toLlmError(err, "gemini"),
        attempt: async (emit) => {
          const stream = await ai.models.generateContentStream({
            model: req.model,
            contents: req.prompt,
            config: {
              ...(req.system ? { systemInstruction: req.system } : {}),
              ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
              ...(req.maxOutputTokens !== undefined ? { maxOutputTokens: req.maxOutputTokens } : {}),
              ...(req.signal ? { abortSignal: req.signal } : {}),
            },
          });
          let text = "";
          let usage = { inputTokens: 0, outputTokens: 0 };
          for await (const chunk of stream) {
            for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
              // Thought summaries are not part of the answer.
              if (typeof part.text !== "string" || part.thought) continue;
              text += part.text;
              emit(part.text);
            }
            // Running totals: the last chunk's counts are the call's. Thinking tokens bill as output.
            const meta = chunk.usageMetadata;
            if (meta) {
              usage = {
                inputTokens: meta.promptTokenCount ?? 0,
                outputTokens: (meta.candidatesTokenCount ?? 0) + (meta.thoughtsTokenCount ?? 0),
              };
            }
          }
          return { text, usage };
        },
      }),
  };
}
