import { describeHttpAdapterContract } from "@leadmetrics/adapter-core/testing";
import { type Responder, sendJson, sendSse } from "@leadmetrics/testing/fake-http";
import { expect } from "vitest";
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

const ERROR_TYPES = {
  400: "invalid_request_error",
  401: "authentication_error",
  429: "rate_limit_error",
  500: "api_error",
} as const;

const failure =
  (status: keyof typeof ERROR_TYPES, headers: Record<string, string> = {}): Responder =>
  (_req, res) =>
    sendJson(res, status, { type: "error", error: { type: ERROR_TYPES[status], message: `fake ${status}` } }, headers);

describeHttpAdapterContract("anthropic", {
  adapter: "anthropic",
  model: "claude-sonnet-4-6",
  create: (url, opts) => createAnthropicAdapter({ ...opts, baseURL: url }),
  answer: (deltas) => answer(deltas),
  failure,
  stalledStream: (_req, res) => {
    // Starts a stream and never finishes it.
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(`event: ping\ndata: {"type":"ping"}\n\n`);
  },
  honoursRetryAfter: true,
  streamed: {
    request: { temperature: 0.2 },
    usage: { inputTokens: 42, outputTokens: 17 },
    cost: (42 * 3 + 17 * 15) / 1e6,
    expectRequest: (sent, apiKey) => {
      expect(sent.url).toBe("/v1/messages");
      // SDK 1.x sends the key as a bearer token; older ones used x-api-key.
      expect(sent.headers.authorization ?? sent.headers["x-api-key"]).toMatch(new RegExp(`^(Bearer )?${apiKey}$`));
      expect(sent.body).toMatchObject({
        model: "claude-sonnet-4-6",
        system: "You are terse.",
        stream: true,
        temperature: 0.2,
        messages: [{ role: "user", content: "Say hello." }],
      });
    },
  },
  promptOf: (sent) => (sent.body as { messages: Array<{ content: string }> }).messages[0]!.content,
  malformedStructured: ['Sure! {"title": 12'],
  repairedStructured: ['{"title": "Spring launch", "tags": ["a"]}'],
});
