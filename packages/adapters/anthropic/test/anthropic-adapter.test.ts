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
import { createAnthropicAdapter } from "../src";

/** The Messages API stream, as the real service frames it. */
const answer =
  (deltas: string[], usage = { input: 42, output: 17 }): Responder =>
  (_req, res) =>
    sendSse(
      res,
      [
        {
          event: "message_start",
          data: {
            type: "message_start",
            message: {
              id: "msg_1",
              type: "message",
              role: "assistant",
              model: "claude-sonnet-4-6",
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: {
                input_tokens: usage.input,
                output_tokens: 1,
                cache_creation_input_tokens: null,
                cache_read_input_tokens: null,
              },
            },
          },
        },
        {
          event: "content_block_start",
          data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        },
        { event: "ping", data: { type: "ping" } },
        ...deltas.map((text) => ({
          event: "content_block_delta",
          data: { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } },
        })),
        { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
        {
          event: "message_delta",
          data: {
            type: "message_delta",
            delta: { stop_reason: "end_turn", stop_sequence: null },
            usage: { output_tokens: usage.output },
          },
        },
        { event: "message_stop", data: { type: "message_stop" } },
      ],
      { delayMs: 5 },
    );

const failure =
  (status: number, type: string, headers: Record<string, string> = {}): Responder =>
  (_req, res) =>
    sendJson(res, status, { type: "error", error: { type, message: `fake ${status}` } }, headers);

const request = { system: "You are terse.", prompt: "Say hello.", model: "claude-sonnet-4-6" };

describe("anthropic adapter (official SDK against a local Messages API)", () => {
  let server: FakeHttpServer;
  const adapter = () =>
    createAnthropicAdapter({
      apiKey: "test-key",
      baseURL: server.url,
      retries: 2,
      retryBaseDelayMs: 5,
      timeoutMs: 5_000,
    });

  beforeAll(async () => {
    server = await startFakeHttpServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("streams deltas to onChunk in order and returns the full text, usage and cost", async () => {
    server.script(answer(["Hel", "lo, ", "world", "!"]));
    const chunks: string[] = [];
    const result = await adapter().complete({ ...request, temperature: 0.2, onChunk: (c) => chunks.push(c) });

    expect(chunks).toEqual(["Hel", "lo, ", "world", "!"]);
    expect(result.text).toBe("Hello, world!");
    expect(result.usage).toEqual({ inputTokens: 42, outputTokens: 17 });
    expect(result.cost).toBe(costOf("claude-sonnet-4-6", { inputTokens: 42, outputTokens: 17 }));
    expect(result.cost).toBeCloseTo((42 * 3 + 17 * 15) / 1e6, 9);
    expect(result).toMatchObject({ adapter: "anthropic", model: "claude-sonnet-4-6", offline: false });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.method).toBe("POST");
    expect(sent.url).toBe("/v1/messages");
    // SDK 1.x sends the key as a bearer token; older ones used x-api-key.
    expect(sent.headers.authorization ?? sent.headers["x-api-key"]).toMatch(/^(Bearer )?test-key$/);
    expect(sent.body).toMatchObject({
      model: "claude-sonnet-4-6",
      system: "You are terse.",
      stream: true,
      temperature: 0.2,
      messages: [{ role: "user", content: "Say hello." }],
    });
  });

  it("retries a 429 after the retry-after delay and then succeeds", async () => {
    server.script(failure(429, "rate_limit_error", { "retry-after": "0.2" }), answer(["ok"]));
    // A one-minute backoff: finishing fast proves retry-after was used instead.
    const patient = createAnthropicAdapter({ apiKey: "k", baseURL: server.url, retries: 1, retryBaseDelayMs: 60_000 });
    const started = Date.now();
    const result = await patient.complete(request);
    expect(result.text).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up on repeated 500s with a RetryableLlmError after retries + 1 attempts", async () => {
    server.script(failure(500, "api_error"));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as RetryableLlmError).status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [400, "invalid_request_error"],
    [401, "authentication_error"],
  ])("maps %i to FatalLlmError without retrying", async (status, type) => {
    server.script(failure(status, type));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
    expect((err as FatalLlmError).status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("treats a refused connection as retryable", async () => {
    const dead = await startFakeHttpServer();
    const url = dead.url;
    await dead.close();
    const err = await createAnthropicAdapter({ apiKey: "k", baseURL: url, retries: 1, retryBaseDelayMs: 1 })
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as RetryableLlmError).status).toBeUndefined();
  });

  it("repairs malformed structured output with a second call", async () => {
    server.script(answer(['Sure! {"title": 12']), answer(['{"title": "Spring launch", "tags": ["a"]}']));
    const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
    const out = await completeStructured(adapter(), request, schema);
    expect(out.value).toEqual({ title: "Spring launch", tags: ["a"] });
    expect(out.repaired).toBe(true);
    expect(out.calls).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
    const repairPrompt = (server.requests[1]!.body as { messages: Array<{ content: string }> }).messages[0]!.content;
    expect(repairPrompt).toContain("could not be used");
  });

  it("passes the abort signal through and rejects with an AbortError", async () => {
    server.script((_req, res) => {
      // Starts a stream and never finishes it.
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`event: ping\ndata: {"type":"ping"}\n\n`);
    });
    const controller = new AbortController();
    const pending = adapter().complete({ ...request, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });
});
