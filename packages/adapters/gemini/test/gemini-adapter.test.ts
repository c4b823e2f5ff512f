import { describeHttpAdapterContract } from "@leadmetrics/adapter-core/testing";
import { type Responder, sendJson, sendSse } from "@leadmetrics/testing/fake-http";
import { expect } from "vitest";
import { createGeminiAdapter } from "../src";

// The path @google/genai 3.x requests for a streamed generateContent on the Gemini API.
const STREAM_PATH = "/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse";

/** streamGenerateContent over SSE: each chunk carries a running usage total; the last one a finishReason. */
const answer =
  (deltas: string[], usage = { prompt: 200, candidates: 40 }): Responder =>
  (req, res) => {
    if (req.url !== STREAM_PATH)
      return sendJson(res, 404, { error: { code: 404, message: `unexpected ${req.url}`, status: "NOT_FOUND" } });
    return sendSse(
      res,
      deltas.map((text, i) => {
        const last = i === deltas.length - 1;
        const candidatesTokenCount = Math.round((usage.candidates * (i + 1)) / deltas.length);
        return {
          data: {
            candidates: [
              { content: { parts: [{ text }], role: "model" }, index: 0, ...(last ? { finishReason: "STOP" } : {}) },
            ],
            usageMetadata: {
              promptTokenCount: usage.prompt,
              candidatesTokenCount,
              totalTokenCount: usage.prompt + candidatesTokenCount,
            },
            modelVersion: "gemini-2.5-flash",
          },
        };
      }),
      { delayMs: 5 },
    );
  };

const GRPC_STATUSES = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
} as const;

const failure =
  (status: keyof typeof GRPC_STATUSES, headers: Record<string, string> = {}): Responder =>
  (_req, res) =>
    sendJson(
      res,
      status,
      { error: { code: status, message: `fake ${status}`, status: GRPC_STATUSES[status] } },
      headers,
    );

describeHttpAdapterContract("gemini", {
  adapter: "gemini",
  model: "gemini-2.5-flash",
  create: (url, opts) => createGeminiAdapter({ ...opts, baseUrl: url }),
  answer: (deltas) => answer(deltas),
  failure,
  stalledStream: (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": keep-alive\n\n");
  },
  // The SDK's ApiError carries no headers: the adapter backs off on its own schedule.
  honoursRetryAfter: false,
  streamed: {
    request: { temperature: 0.3, maxOutputTokens: 100 },
    usage: { inputTokens: 200, outputTokens: 40 },
    cost: (200 * 0.3 + 40 * 2.5) / 1e6,
    expectRequest: (sent, apiKey) => {
      expect(sent.url).toBe(STREAM_PATH);
      expect(sent.headers["x-goog-api-key"]).toBe(apiKey);
      expect(sent.body).toMatchObject({
        contents: [{ role: "user", parts: [{ text: "Say hello." }] }],
        systemInstruction: { parts: [{ text: "You are terse." }] },
        generationConfig: { temperature: 0.3, maxOutputTokens: 100 },
      });
    },
  },
  promptOf: (sent) =>
    (sent.body as { contents: Array<{ parts: Array<{ text: string }> }> }).contents[0]!.parts[0]!.text,
  malformedStructured: ['{"title": ', "42}"],
  repairedStructured: ['{"title": "Spring launch", ', '"tags": ["a"]}'],
});
