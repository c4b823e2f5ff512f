import { RetryableLlmError } from "@leadmetrics/adapter-core";
import { describeHttpAdapterContract } from "@leadmetrics/adapter-core/testing";
import {
  type FakeHttpServer,
  type Responder,
  sendJson,
  sendSse,
  startFakeHttpServer,
} from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const ERROR_CODES = {
  400: "invalid_request_error",
  401: "invalid_api_key",
  429: "rate_limit_exceeded",
  500: "server_error",
} as const;

const failure =
  (status: keyof typeof ERROR_CODES, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    const code = ERROR_CODES[status];
    sendJson(res, status, { error: { message: `fake ${status}`, type: code, param: null, code } }, headers);
  };

describeHttpAdapterContract("openai", {
  adapter: "openai",
  model: "gpt-4o-mini",
  create: (url, opts) => createOpenAIAdapter({ ...opts, baseURL: `${url}/v1` }),
  answer: (deltas) => answer(deltas),
  failure,
  stalledStream: (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(": keep-alive\n\n");
  },
  honoursRetryAfter: true,
  streamed: {
    request: { maxOutputTokens: 256 },
    usage: { inputTokens: 120, outputTokens: 30 },
    cost: (120 * 0.15 + 30 * 0.6) / 1e6,
    expectRequest: (sent, apiKey) => {
      expect(sent.url).toBe("/v1/chat/completions");
      expect(sent.headers.authorization).toBe(`Bearer ${apiKey}`);
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
    },
  },
  promptOf: (sent) => (sent.body as { messages: Array<{ role: string; content: string }> }).messages.at(-1)!.content,
  malformedStructured: ['```json\n{"title": "x"\n```'],
  repairedStructured: ['{"title": "Spring launch", "tags": ["a"]}'],
});

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
});
