import { completeStructured, costOf, FatalLlmError, RetryableLlmError } from "@leadmetrics/adapter-core";
import {
  type FakeHttpServer,
  type Responder,
  sendJson,
  sendSse,
  startFakeHttpServer,
} from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
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

const failure =
  (status: number, grpcStatus: string): Responder =>
  (_req, res) =>
    sendJson(res, status, { error: { code: status, message: `fake ${status}`, status: grpcStatus } });

const request = { system: "You are terse.", prompt: "Say hello.", model: "gemini-2.5-flash" };

describe("gemini adapter (official @google/genai SDK against a local Gemini API)", () => {
  let server: FakeHttpServer;
  const adapter = () =>
    createGeminiAdapter({ apiKey: "test-key", baseUrl: server.url, retries: 2, retryBaseDelayMs: 5, timeoutMs: 5_000 });

  beforeAll(async () => {
    server = await startFakeHttpServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("streams parts to onChunk in order and returns the full text, usage and cost", async () => {
    server.script(answer(["Hel", "lo, ", "world", "!"]));
    const chunks: string[] = [];
    const result = await adapter().complete({
      ...request,
      temperature: 0.3,
      maxOutputTokens: 100,
      onChunk: (c) => chunks.push(c),
    });

    expect(chunks).toEqual(["Hel", "lo, ", "world", "!"]);
    expect(result.text).toBe("Hello, world!");
    expect(result.usage).toEqual({ inputTokens: 200, outputTokens: 40 });
    expect(result.cost).toBe(costOf("gemini-2.5-flash", { inputTokens: 200, outputTokens: 40 }));
    expect(result.cost).toBeCloseTo((200 * 0.3 + 40 * 2.5) / 1e6, 9);
    expect(result).toMatchObject({ adapter: "gemini", model: "gemini-2.5-flash", offline: false });

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.url).toBe(STREAM_PATH);
    expect(sent.headers["x-goog-api-key"]).toBe("test-key");
    expect(sent.body).toMatchObject({
      contents: [{ role: "user", parts: [{ text: "Say hello." }] }],
      systemInstruction: { parts: [{ text: "You are terse." }] },
      generationConfig: { temperature: 0.3, maxOutputTokens: 100 },
    });
  });

  it("retries a 429 and then succeeds", async () => {
    server.script(failure(429, "RESOURCE_EXHAUSTED"), answer(["ok"]));
    const result = await adapter().complete(request);
    expect(result.text).toBe("ok");
    expect(server.requests).toHaveLength(2);
  });

  it("gives up on repeated 500s with a RetryableLlmError after retries + 1 attempts", async () => {
    server.script(failure(500, "INTERNAL"));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as RetryableLlmError).status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [400, "INVALID_ARGUMENT"],
    [401, "UNAUTHENTICATED"],
  ])("maps %i to FatalLlmError without retrying", async (status, grpcStatus) => {
    server.script(failure(status, grpcStatus));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
    expect((err as FatalLlmError).status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("retries an attempt that timed out", async () => {
    server.script(
      () => {
        // Never answers: the per-attempt timeout fires.
      },
      answer(["late but fine"]),
    );
    const result = await createGeminiAdapter({
      apiKey: "k",
      baseUrl: server.url,
      retries: 1,
      retryBaseDelayMs: 5,
      timeoutMs: 200,
    }).complete(request);
    expect(result.text).toBe("late but fine");
    expect(server.requests).toHaveLength(2);
  });

  it("repairs malformed structured output with a second call", async () => {
    server.script(answer(['{"title": ', "42}"]), answer(['{"title": "Spring launch", ', '"tags": ["a"]}']));
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
    const out = await completeStructured(adapter(), request, schema);
    expect(out.value).toEqual({ title: "Spring launch", tags: ["a"] });
    expect(out.repaired).toBe(true);
    expect(out.calls).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });

  it("passes the abort signal through and rejects with an AbortError", async () => {
    server.script((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": keep-alive\n\n");
    });
    const controller = new AbortController();
    const pending = adapter().complete({ ...request, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });
});
