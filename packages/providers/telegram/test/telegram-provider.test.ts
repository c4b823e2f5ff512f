import { type FakeHttpServer, sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramProvider, TelegramSendError } from "../src";

const botToken = "123456:ABC-secret-token";

describe("Telegram provider", () => {
  let api: FakeHttpServer;
  beforeAll(async () => {
    api = await startFakeHttpServer();
  });
  afterAll(() => api.close());
  beforeEach(() => {
    api.requests.length = 0;
    api.script((_req, res) =>
      sendJson(res, 200, { ok: true, result: { message_id: 42, chat: { id: 1 }, date: 1, text: "hi" } }),
    );
  });

  const provider = () => createTelegramProvider({ botToken, baseUrl: api.url });

  it("posts sendMessage with the bot token in the path and returns the message id", async () => {
    await expect(provider().send({ chatId: "987", text: "Your draft is ready", parseMode: "HTML" })).resolves.toEqual({
      messageId: "42",
    });
    expect(api.requests).toHaveLength(1);
    const [req] = api.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe(`/bot${botToken}/sendMessage`);
    expect(req?.headers["content-type"]).toContain("application/json");
    expect(req?.body).toEqual({ chat_id: "987", text: "Your draft is ready", parse_mode: "HTML" });
  });

  it("leaves parse_mode out when not asked for", async () => {
    await provider().send({ chatId: 5, text: "plain <b>text</b>" });
    expect(api.requests[0]?.body).toEqual({ chat_id: 5, text: "plain <b>text</b>" });
  });

  it("maps 429 with retry_after to a retryable error carrying retryAfterMs", async () => {
    api.script((_req, res) =>
      sendJson(res, 429, {
        ok: false,
        error_code: 429,
        description: "Too Many Requests: retry after 7",
        parameters: { retry_after: 7 },
      }),
    );
    const err = await provider()
      .send({ chatId: 1, text: "x" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramSendError);
    expect(err).toMatchObject({ retryable: true, status: 429, retryAfterMs: 7000 });
    expect((err as Error).message).toContain("Too Many Requests");
  });

  it("maps 'chat not found' (400) and 'bot was blocked' (403) to permanent errors", async () => {
    api.script(
      (_req, res) => sendJson(res, 400, { ok: false, error_code: 400, description: "Bad Request: chat not found" }),
      (_req, res) =>
        sendJson(res, 403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }),
    );
    await expect(provider().send({ chatId: 1, text: "x" })).rejects.toMatchObject({
      name: "TelegramSendError",
      retryable: false,
      status: 400,
    });
    await expect(provider().send({ chatId: 1, text: "x" })).rejects.toMatchObject({ retryable: false, status: 403 });
  });

  it("reports the new chat id of a group that became a supergroup", async () => {
    api.script((_req, res) =>
      sendJson(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: group chat was upgraded to a supergroup chat",
        parameters: { migrate_to_chat_id: -1001234 },
      }),
    );
    await expect(provider().send({ chatId: -55, text: "x" })).rejects.toMatchObject({
      retryable: false,
      migrateToChatId: -1001234,
    });
  });

  it("treats 5xx and a non-JSON gateway page as retryable", async () => {
    api.script((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>Bad Gateway</html>");
    });
    await expect(provider().send({ chatId: 1, text: "x" })).rejects.toMatchObject({ retryable: true, status: 502 });
  });

  it("refuses an over-long text without calling Telegram", async () => {
    await expect(provider().send({ chatId: 1, text: "x".repeat(4097) })).rejects.toMatchObject({ retryable: false });
    expect(api.requests).toHaveLength(0);
  });

  it("an unreachable API is retryable and the error never contains the bot token", async () => {
    const down = createTelegramProvider({ botToken, baseUrl: await unusedLocalUrl() });
    const err = await down.send({ chatId: 1, text: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TelegramSendError);
    expect(err).toMatchObject({ retryable: true });
    expect((err as Error).message).not.toContain("secret-token");
  });

  it("times out a hanging API as retryable", async () => {
    api.script(() => {
      // never answers
    });
    const slow = createTelegramProvider({ botToken, baseUrl: api.url, timeoutMs: 200 });
    await expect(slow.send({ chatId: 1, text: "x" })).rejects.toMatchObject({
      retryable: true,
      message: expect.stringContaining("timed out"),
    });
  });
});
