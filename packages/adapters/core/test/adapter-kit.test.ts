import { describe, expect, it } from "vitest";
import {
  FatalLlmError,
  isNetworkError,
  type LlmRequest,
  parseRetryAfter,
  RetryableLlmError,
  runCompletion,
  toLlmError,
} from "../src";

describe("parseRetryAfter", () => {
  it("reads delay-seconds and HTTP dates, and ignores junk", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter("0.25")).toBe(250);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("toLlmError", () => {
  it("classifies HTTP failures by status", () => {
    expect(toLlmError(new Error("x"), "t", { status: 429, retryAfter: "1" })).toMatchObject({
      name: "RetryableLlmError",
      status: 429,
      retryAfterMs: 1_000,
    });
    expect(toLlmError(new Error("x"), "t", { status: 503 })).toBeInstanceOf(RetryableLlmError);
    expect(toLlmError(new Error("x"), "t", { status: undefined })).toBeInstanceOf(RetryableLlmError);
    const fatal = toLlmError(new Error("bad key"), "t", { status: 401 });
    expect(fatal).toBeInstanceOf(FatalLlmError);
    expect(fatal.message).toBe("t: bad key");
  });

  it("retries unknown errors only when they look like network failures", () => {
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(isNetworkError(new TypeError("fetch failed", { cause: reset }))).toBe(true);
    expect(isNetworkError(new TypeError("terminated"))).toBe(true);
    expect(toLlmError(new TypeError("terminated"), "t")).toBeInstanceOf(RetryableLlmError);
    expect(toLlmError(new SyntaxError("Unexpected token"), "t")).toBeInstanceOf(FatalLlmError);
  });
});

describe("runCompletion", () => {
  const req: LlmRequest = { system: "", prompt: "p", model: "gpt-4o-mini" };

  it("retries retryable failures and prices the answer", async () => {
    let calls = 0;
    const res = await runCompletion({
      adapter: "t",
      request: req,
      retryBaseDelayMs: 1,
      mapError: (e) => e as Error,
      attempt: async () => {
        if (++calls < 3) throw new RetryableLlmError("busy", 503);
        return { text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 0 } };
      },
    });
    expect(calls).toBe(3);
    expect(res).toMatchObject({ text: "ok", cost: 0.15, adapter: "t", offline: false });
  });

  it("does not retry once text has reached onChunk, but still reports a retryable error", async () => {
    let calls = 0;
    const chunks: string[] = [];
    const err = await runCompletion({
      adapter: "t",
      request: { ...req, onChunk: (c) => chunks.push(c) },
      retryBaseDelayMs: 1,
      mapError: (e) => e as Error,
      attempt: async (emit) => {
        calls++;
        emit("half");
        throw new RetryableLlmError("dropped");
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryableLlmError);
    expect(calls).toBe(1);
    expect(chunks).toEqual(["half"]);
  });

  it("rejects with an AbortError when the attempt returns after an abort", async () => {
    const controller = new AbortController();
    const err = await runCompletion({
      adapter: "t",
      request: { ...req, signal: controller.signal },
      mapError: (e) => e as Error,
      attempt: async () => {
        controller.abort();
        return { text: "cut off", usage: { inputTokens: 0, outputTokens: 0 } };
      },
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
  });
});
