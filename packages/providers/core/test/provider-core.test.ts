import { type FakeHttpServer, sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callHttp, isRetryableStatus, ProviderError, parseRetryAfter } from "../src";

class DemoError extends ProviderError {
  constructor(...args: ConstructorParameters<typeof ProviderError>) {
    super(...args);
    this.name = "DemoError";
  }
}
const makeError = (...a: ConstructorParameters<typeof ProviderError>) => new DemoError(...a);

describe("provider-core", () => {
  let server: FakeHttpServer;
  beforeAll(async () => {
    server = await startFakeHttpServer((_req, res) => sendJson(res, 200, { ok: true }));
  });
  afterAll(() => server.close());

  it("classifies statuses: throttling, timeouts and 5xx retry; other 4xx do not", () => {
    expect([408, 425, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 413, 422].some(isRetryableStatus)).toBe(false);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("1.5", now)).toBe(1_500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("callHttp returns statuses instead of throwing and parses JSON when it can", async () => {
    server.script(
      (_req, res) => sendJson(res, 418, { error: "teapot" }),
      (_req, res) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end("boom");
      },
    );
    const a = await callHttp(`${server.url}/x`, { method: "POST", body: "{}" }, { what: "Demo", makeError });
    expect(a).toMatchObject({ status: 418, ok: false, json: { error: "teapot" } });
    const b = await callHttp(`${server.url}/x`, {}, { what: "Demo", makeError });
    expect(b).toMatchObject({ status: 500, text: "boom", json: undefined });
    server.script();
  });

  it("callHttp turns a refused connection and a timeout into retryable errors of the caller's class", async () => {
    const refused = await callHttp(`${await unusedLocalUrl()}/secret-path`, {}, { what: "Demo API", makeError }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DemoError);
    expect(refused).toMatchObject({ retryable: true, message: expect.stringContaining("ECONNREFUSED") });
    expect((refused as Error).message).not.toContain("secret-path");

    server.script(() => {
      // never answers
    });
    const slow = await callHttp(`${server.url}/slow`, {}, { what: "Demo API", makeError, timeoutMs: 100 }).catch(
      (e: unknown) => e,
    );
    expect(slow).toMatchObject({ name: "DemoError", retryable: true, message: "Demo API timed out after 100 ms" });
    server.script();
  });

  it("callHttp rethrows the caller's own abort as is", async () => {
    server.script(() => {
      // never answers
    });
    const controller = new AbortController();
    const pending = callHttp(`${server.url}/slow`, {}, { what: "Demo", makeError, signal: controller.signal });
    controller.abort(new Error("shutting down"));
    await expect(pending).rejects.toThrow("shutting down");
    server.script();
  });

  it("ProviderError keeps status, retryAfterMs and cause", () => {
    const cause = new Error("root");
    const err = new ProviderError("x", true, 429, { retryAfterMs: 500, cause });
    expect(err).toMatchObject({ retryable: true, status: 429, retryAfterMs: 500, cause });
    expect(new ProviderError("y", false).retryAfterMs).toBeUndefined();
  });
});
