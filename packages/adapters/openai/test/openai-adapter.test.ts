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
import { createOpenAIAdapter } from "../src";

/** Chat Completions streaming, as the real service frames it (usage in a last chunk with no choices). */
const answer =
  (deltas: string[], usage = { prompt: 120, completion: 30 }): Responder =>
  (_req, res) => {
    const chunk = (extra: object) => ({
      id: "chatcmpl-1",
      object: "chat.completion.chunk",
      created: 1_700_000_000,
      model: "gpt-4o-mini",
      ...extra,
    });
    return sendSse(
      res,
      [
        { data: chunk({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] }) },
        ...deltas.map((content) => ({
          data: chunk({ choices: [{ index: 0, delta: { content }, finish_reason: null }] }),
        })),
        { data: chunk({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }) },
        {
          data: chunk({
            choices: [],
            usage: {
              prompt_tokens: usage.prompt,
              completion_tokens: usage.completion,
              total_tokens: usage.prompt + usage.completion,
            },
          }),
        },
        { data: "[DONE]" },
      ],
      { delayMs: 5 },
    );
  };

const failure =
  (status: number, code: string, headers: Record<string, string> = {}): Responder =>
  (_req, res) =>
    sendJson(res, status, { error: { message: `fake ${status}`, type: code, param: null, code } }, headers);

const request = { system: "You are terse.", prompt: "Say hello.", model: "gpt-4o-mini" };

describe("openai adapter (official SDK against a local Chat Completions API)", () => {
  let server: FakeHttpServer;
  const adapter = () =>
    createOpenAIAdapter({
      apiKey: "test-key",
      baseURL: `${server.url}/v1`,
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
    const result = await adapter().complete({ ...request, maxOutputTokens: 256, onChunk: (c) => chunks.push(c) });

    expect(chunks).toEqual(["Hel", "lo, ", "world", "!"]);
    expect(result.text).toBe("Hello, world!");
    expect(result.usage).toEqual({ inputTokens: 120, outputTokens: 30 });
    expect(result.cost).toBe(costOf("gpt-4o-mini", { inputTokens: 120, outputTokens: 30 }));
    expect(result.cost).toBeCloseTo((120 * 0.15 + 30 * 0.6) / 1e6, 9);
    expect(result).toMatchObject({ adapter: "openai", model: "gpt-4o-mini", offline: false });

    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect(sent.url).toBe("/v1/chat/completions");
    expect(sent.headers.authorization).toBe("Bearer test-key");
    expect(sent.body).toMatchObject({
      model: "gpt-4o-mini",
      stream: true,
      stream_options: { include_usage: true },
      max_completion_tokens: 256,
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Say hello." },
      ],
    });
  });

  it("retries a 429 after the retry-after delay and then succeeds", async () => {
    server.script(failure(429, "rate_limit_exceeded", { "retry-after": "0.2" }), answer(["ok"]));
    // A one-minute backoff: finishing fast proves retry-after was used instead.
    const patient = createOpenAIAdapter({
      apiKey: "k",
      baseURL: `${server.url}/v1`,
      retries: 1,
      retryBaseDelayMs: 60_000,
    });
    const started = Date.now();
    const result = await patient.complete(request);
    expect(result.text).toBe("ok");
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up on repeated 500s with a RetryableLlmError after retries + 1 attempts", async () => {
    server.script(failure(500, "server_error"));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect((err as RetryableLlmError).status).toBe(500);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [400, "invalid_request_error"],
    [401, "invalid_api_key"],
  ])("maps %i to FatalLlmError without retrying", async (status, code) => {
    server.script(failure(status, code));
    const err = await adapter()
      .complete(request)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FatalLlmError);
    expect((err as FatalLlmError).status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry a stream that broke after text reached onChunk", async () => {
    server.script((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(
        `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, delta: { content: "par" } }] })}\n\n`,
      );
      setTimeout(() => res.destroy(), 20);
    });
    const chunks: string[] = [];
    const err = await adapter()
      .complete({ ...request, onChunk: (c) => chunks.push(c) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect(chunks).toEqual(["par"]);
    expect(server.requests).toHaveLength(1);
  });

  it("repairs malformed structured output with a second call", async () => {
    server.script(answer(['```json\n{"title": "x"\n```']), answer(['{"title": "Spring launch", "tags": ["a"]}']));
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
