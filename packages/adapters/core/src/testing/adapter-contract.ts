import {
  type FakeHttpServer,
  type RecordedRequest,
  type Responder,
  startFakeHttpServer,
} from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { costOf } from "../costs";
import { completeStructured } from "../structured";
import { FatalLlmError, type LlmAdapter, type LlmRequest, type LlmUsage, RetryableLlmError } from "../types";

/**
 * Test-only: the behaviour every LLM adapter owes its callers, written once and run against each
 * adapter. An adapter over an HTTP API runs `describeHttpAdapterContract` with its official SDK
 * against a local server speaking its wire format; every adapter (offline and the CLI too) runs
 * `describeAdapterBasics`. Cases only one backend has stay in that adapter's own test file.
 */

export interface AdapterClientOptions {
  apiKey: string;
  retries?: number;
  retryBaseDelayMs?: number;
  /** Per attempt. */
  timeoutMs?: number;
}

/** What the contract needs to know about one HTTP adapter and its wire format. */
export interface HttpAdapterSetup {
  /** The adapter's name, as it reports it on every result. */
  adapter: string;
  model: string;
  /** The adapter, pointed at the local server's base URL (`http://127.0.0.1:port`, no trailing slash). */
  create(serverUrl: string, opts: AdapterClientOptions): LlmAdapter;
  /** A successful streamed answer made of these text deltas, framed as the real service frames it. */
  answer(deltas: string[]): Responder;
  /** An error answer as the real service sends it, with extra headers (e.g. retry-after). */
  failure(status: 400 | 401 | 429 | 500, headers?: Record<string, string>): Responder;
  /** Starts a stream and never finishes it. */
  stalledStream: Responder;
  /** Whether a 429's retry-after header sets the wait before the next attempt. */
  honoursRetryAfter: boolean;
  /** The normal call: extra request fields, the usage `answer` reports, its cost, and the request the SDK sent. */
  streamed: {
    request: Partial<LlmRequest>;
    usage: LlmUsage;
    /** The cost worked out by hand from the price table. */
    cost: number;
    expectRequest(sent: RecordedRequest, apiKey: string): void;
  };
  /** The user prompt a recorded request carries. */
  promptOf(sent: RecordedRequest): string;
  /** Deltas of a structured answer that cannot be used (broken or wrongly typed JSON). */
  malformedStructured: string[];
  /** Deltas of its repair: `{"title": "Spring launch", "tags": ["a"]}`. */
  repairedStructured: string[];
}

const API_KEY = "test-key";
const SYSTEM = "You are terse.";
const PROMPT = "Say hello.";

export function describeHttpAdapterContract(name: string, setup: HttpAdapterSetup): void {
  const request: LlmRequest = { system: SYSTEM, prompt: PROMPT, model: setup.model };

  describe(`${name} adapter contract (official SDK against a local server speaking its wire format)`, () => {
    let server: FakeHttpServer;
    const adapter = () =>
      setup.create(server.url, { apiKey: API_KEY, retries: 2, retryBaseDelayMs: 5, timeoutMs: 5_000 });

    beforeAll(async () => {
      server = await startFakeHttpServer();
    });
    afterAll(() => server.close());
    beforeEach(() => {
      server.requests.length = 0;
    });

    it("streams deltas to onChunk in order and returns the full text, usage and cost", async () => {
      server.script(setup.answer(["Hel", "lo, ", "world", "!"]));
      const chunks: string[] = [];
      const result = await adapter().complete({
        ...request,
        ...setup.streamed.request,
        onChunk: (c) => chunks.push(c),
      });

      expect(chunks).toEqual(["Hel", "lo, ", "world", "!"]);
      expect(result.text).toBe("Hello, world!");
      expect(result.usage).toEqual(setup.streamed.usage);
      expect(result.cost).toBe(costOf(setup.model, setup.streamed.usage));
      expect(result.cost).toBeCloseTo(setup.streamed.cost, 9);
      expect(result).toMatchObject({ adapter: setup.adapter, model: setup.model, offline: false });
      expect(result.durationMs).toBeGreaterThanOrEqual(0);

      expect(server.requests).toHaveLength(1);
      const sent = server.requests[0]!;
      expect(sent.method).toBe("POST");
      setup.streamed.expectRequest(sent, API_KEY);
      expect(setup.promptOf(sent)).toBe(PROMPT);
    });

    if (setup.honoursRetryAfter) {
      it("retries a 429 after the retry-after delay and then succeeds", async () => {
        server.script(setup.failure(429, { "retry-after": "0.2" }), setup.answer(["ok"]));
        // A one-minute backoff: finishing fast proves retry-after was used instead.
        const patient = setup.create(server.url, { apiKey: "k", retries: 1, retryBaseDelayMs: 60_000 });
        const started = Date.now();
        const result = await patient.complete(request);
        expect(result.text).toBe("ok");
        expect(Date.now() - started).toBeGreaterThanOrEqual(150);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(server.requests).toHaveLength(2);
      });
    } else {
      it("retries a 429 and then succeeds", async () => {
        server.script(setup.failure(429), setup.answer(["ok"]));
        const result = await adapter().complete(request);
        expect(result.text).toBe("ok");
        expect(server.requests).toHaveLength(2);
      });
    }

    it("gives up on repeated 500s with a RetryableLlmError after retries + 1 attempts", async () => {
      server.script(setup.failure(500));
      const err = await adapter()
        .complete(request)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryableLlmError);
      expect((err as RetryableLlmError).status).toBe(500);
      expect(server.requests).toHaveLength(3);
    });

    it.each([400, 401] as const)("maps %i to FatalLlmError without retrying", async (status) => {
      server.script(setup.failure(status));
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
      const err = await setup
        .create(url, { apiKey: "k", retries: 1, retryBaseDelayMs: 1 })
        .complete(request)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RetryableLlmError);
      expect((err as RetryableLlmError).status).toBeUndefined();
    });

    it("retries an attempt that timed out", async () => {
      server.script(
        () => {
          // Never answers: the per-attempt timeout fires.
        },
        setup.answer(["late but fine"]),
      );
      const result = await setup
        .create(server.url, { apiKey: "k", retries: 1, retryBaseDelayMs: 5, timeoutMs: 200 })
        .complete(request);
      expect(result.text).toBe("late but fine");
      expect(server.requests).toHaveLength(2);
    });

    it("repairs malformed structured output with a second call", async () => {
      server.script(setup.answer(setup.malformedStructured), setup.answer(setup.repairedStructured));
      const schema = z.object({ title: z.string(), tags: z.array(z.string()) });
      const out = await completeStructured(adapter(), request, schema);
      expect(out.value).toEqual({ title: "Spring launch", tags: ["a"] });
      expect(out.repaired).toBe(true);
      expect(out.calls).toHaveLength(2);
      expect(server.requests).toHaveLength(2);
      expect(setup.promptOf(server.requests[1]!)).toContain("could not be used");
    });

    it("passes the abort signal through and rejects with an AbortError", async () => {
      server.script(setup.stalledStream);
      const controller = new AbortController();
      const pending = adapter().complete({ ...request, signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const err = await pending.catch((e: unknown) => e);
      expect((err as Error).name).toBe("AbortError");
      expect(server.requests).toHaveLength(1);
    });
  });
}

/** What the basic contract needs: an adapter that answers `request` normally. */
export interface AdapterBasicsSetup {
  adapter: string;
  create(): LlmAdapter | Promise<LlmAdapter>;
  request: LlmRequest;
  offline: boolean;
}

/** What every adapter, whatever its backend, promises about a result, streaming and aborting. */
export function describeAdapterBasics(name: string, setup: AdapterBasicsSetup): void {
  describe(`${name} adapter contract (result, streaming, abort)`, () => {
    it("answers with text, whole-number usage, a cost, its own name and the requested model", async () => {
      const result = await (await setup.create()).complete(setup.request);
      expect(result.text.length).toBeGreaterThan(0);
      for (const tokens of [result.usage.inputTokens, result.usage.outputTokens]) {
        expect(Number.isInteger(tokens)).toBe(true);
        expect(tokens).toBeGreaterThanOrEqual(0);
      }
      expect(result.cost).toBeGreaterThanOrEqual(0);
      expect(result.durationMs).toBeGreaterThanOrEqual(0);
      expect(result).toMatchObject({ adapter: setup.adapter, model: setup.request.model, offline: setup.offline });
    });

    it("streams the text through onChunk in order: the chunks are the text", async () => {
      const chunks: string[] = [];
      const result = await (await setup.create()).complete({ ...setup.request, onChunk: (c) => chunks.push(c) });
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) expect(chunk).not.toBe("");
      expect(chunks.join("")).toBe(result.text);
    });

    it("rejects at once with an AbortError when the signal is already aborted", async () => {
      const controller = new AbortController();
      controller.abort();
      const started = Date.now();
      const err = await (await setup.create())
        .complete({ ...setup.request, signal: controller.signal })
        .catch((e: unknown) => e);
      expect((err as Error).name).toBe("AbortError");
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
}
