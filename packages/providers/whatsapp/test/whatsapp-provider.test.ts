import { type FakeHttpServer, sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWhatsAppProvider, WhatsAppSendError } from "../src";

const graphError = (message: string, code: number, type = "OAuthException") => ({
  error: { message, type, code, fbtrace_id: "AbC123" },
});

describe("WhatsApp provider", () => {
  let graph: FakeHttpServer;
  beforeAll(async () => {
    graph = await startFakeHttpServer();
  });
  afterAll(() => graph.close());
  beforeEach(() => {
    graph.requests.length = 0;
    graph.script((req, res) =>
      sendJson(res, 200, {
        messaging_product: "whatsapp",
        contacts: [{ input: (req.body as { to: string }).to, wa_id: "15551234567" }],
        messages: [{ id: "wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI" }],
      }),
    );
  });

  const provider = () =>
    createWhatsAppProvider({ accessToken: "EAAG-test-token", phoneNumberId: "1098765", baseUrl: `${graph.url}/v21.0` });

  it("posts a text message with bearer auth and returns the wamid", async () => {
    await expect(provider().send({ to: "+15551234567", text: "Your post is live" })).resolves.toEqual({
      messageId: "wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI",
    });
    const [req] = graph.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/v21.0/1098765/messages");
    expect(req?.headers.authorization).toBe("Bearer EAAG-test-token");
    expect(req?.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15551234567",
      type: "text",
      text: { body: "Your post is live" },
    });
  });

  it("maps a Graph error to a permanent WhatsAppSendError with its code", async () => {
    graph.script((_req, res) => sendJson(res, 400, graphError("(#131047) Re-engagement message", 131047)));
    const err = await provider()
      .send({ to: "15551234567", text: "hi" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WhatsAppSendError);
    expect(err).toMatchObject({ retryable: false, status: 400, code: 131047 });
    expect((err as Error).message).toContain("Re-engagement message");
  });

  it("an expired access token (401, code 190) is not retryable", async () => {
    graph.script((_req, res) =>
      sendJson(res, 401, graphError("Error validating access token: Session has expired", 190)),
    );
    await expect(provider().send({ to: "15551234567", text: "hi" })).rejects.toMatchObject({
      retryable: false,
      status: 401,
      code: 190,
    });
  });

  it("429 is retryable and carries Retry-After", async () => {
    graph.script((_req, res) =>
      sendJson(res, 429, graphError("(#80007) Rate limit hit", 80007), { "retry-after": "3" }),
    );
    await expect(provider().send({ to: "15551234567", text: "hi" })).rejects.toMatchObject({
      retryable: true,
      status: 429,
      retryAfterMs: 3000,
    });
  });

  it("a rate-limit code is retryable even when Graph answers 400", async () => {
    graph.script((_req, res) => sendJson(res, 400, graphError("(#130429) Rate limit hit", 130429)));
    await expect(provider().send({ to: "15551234567", text: "hi" })).rejects.toMatchObject({
      retryable: true,
      status: 400,
      code: 130429,
    });
  });

  it("5xx is retryable", async () => {
    graph.script((_req, res) => sendJson(res, 503, graphError("Service temporarily unavailable", 2)));
    await expect(provider().send({ to: "15551234567", text: "hi" })).rejects.toMatchObject({
      retryable: true,
      status: 503,
    });
  });

  it("refuses a malformed phone number without calling the API", async () => {
    await expect(provider().send({ to: "call me", text: "hi" })).rejects.toMatchObject({
      name: "WhatsAppSendError",
      retryable: false,
    });
    expect(graph.requests).toHaveLength(0);
  });

  it("an unreachable API is retryable", async () => {
    const down = createWhatsAppProvider({ accessToken: "t", phoneNumberId: "1", baseUrl: await unusedLocalUrl() });
    await expect(down.send({ to: "15551234567", text: "hi" })).rejects.toMatchObject({
      name: "WhatsAppSendError",
      retryable: true,
    });
  });
});
