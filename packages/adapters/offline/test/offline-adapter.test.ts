import { completeStructured } from "@leadmetrics/adapter-core";
import { describeAdapterBasics } from "@leadmetrics/adapter-core/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOfflineAdapter } from "../src";

const base = { system: "You write blog posts.", model: "claude-sonnet-4-6" };

const draftPrompt = (feedback: string[] = []) =>
  [
    "Write the post.",
    "Topic: Spring gardening tips for small balconies",
    "Audience: city renters",
    ...feedback,
    "Respond with JSON matching: { title: string, body: string, tags: string[] }",
    "```offline-example",
    JSON.stringify({
      title: "Balcony gardening",
      body: "placeholder",
      tags: ["garden"],
      sections: [{ heading: "h", text: "t" }],
      changeNote: "",
    }),
    "```",
  ].join("\n");

describeAdapterBasics("offline", {
  adapter: "offline",
  create: () => createOfflineAdapter({ chunkDelayMs: 1 }),
  request: { ...base, prompt: "Topic: Pricing pages\nWrite." },
  offline: true,
});

describe("offline adapter", () => {
  it("is deterministic, offline, free, and counts rough tokens", async () => {
    const adapter = createOfflineAdapter();
    const req = { ...base, prompt: "Topic: Email subject lines that get opened\nWrite an intro." };
    const a = await adapter.complete(req);
    const b = await adapter.complete(req);
    expect(a.text).toBe(b.text);
    expect(a.text).toContain("Email subject lines that get opened");
    expect(a).toMatchObject({ offline: true, adapter: "offline", cost: 0, model: "claude-sonnet-4-6" });
    expect(a.usage).toEqual({
      inputTokens: Math.ceil((req.system.length + req.prompt.length) / 4),
      outputTokens: Math.ceil(a.text.length / 4),
    });
    const other = await adapter.complete({ ...req, prompt: "Topic: Local SEO for dentists\nWrite an intro." });
    expect(other.text).not.toBe(a.text);
  });

  it("answers an offline-example with that JSON: body/text written, feedback only in the change note", async () => {
    const adapter = createOfflineAdapter();
    const feedback = "Reviewer feedback: the intro is too long, cut it to two sentences";
    const res = await adapter.complete({
      ...base,
      prompt: draftPrompt([feedback, "Reviewer feedback: add a call to action"]),
    });
    const json = JSON.parse(res.text);
    expect(json.title).toBe("Balcony gardening");
    expect(json.tags).toEqual(["garden"]);
    expect(json.body).not.toBe("placeholder");
    expect(json.body).toContain("Spring gardening tips for small balconies");
    // What gets published holds no review notes, and does not repeat the title as a heading.
    expect(json.body).not.toMatch(/feedback|intro is too long|call to action/i);
    expect(json.body).not.toMatch(/^#+ .*(Balcony gardening|Spring gardening)/m);
    expect(json.changeNote).toContain('"the intro is too long, cut it to two sentences"');
    expect(json.changeNote).toContain('"add a call to action"');
    expect(json.sections[0].heading).toBe("h");
    expect(json.sections[0].text).toContain("Spring gardening tips for small balconies");

    // A first draft (no feedback) differs from the redraft and has no change note.
    const first = JSON.parse((await adapter.complete({ ...base, prompt: draftPrompt() })).text);
    expect(first.body).not.toBe(json.body);
    expect(first.changeNote).toBe("");
  });

  it("satisfies completeStructured on the first call", async () => {
    const schema = z.object({ title: z.string(), body: z.string().min(50), tags: z.array(z.string()) });
    const out = await completeStructured(createOfflineAdapter(), { ...base, prompt: draftPrompt() }, schema);
    expect(out.repaired).toBe(false);
    expect(out.calls).toHaveLength(1);
    expect(out.calls[0]!.offline).toBe(true);
  });

  it("streams the text in a few ordered chunks with chunkDelayMs between them", async () => {
    const times: number[] = [];
    const chunks: string[] = [];
    const started = Date.now();
    const res = await createOfflineAdapter({ chunkDelayMs: 30 }).complete({
      ...base,
      prompt: "Topic: Pricing pages\nWrite.",
      onChunk: (c) => {
        chunks.push(c);
        times.push(Date.now() - started);
      },
    });
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.length).toBeLessThanOrEqual(6);
    expect(chunks.join("")).toBe(res.text);
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual((chunks.length - 1) * 30 - 10);
  });

  it("waits delayMs in total before resolving", async () => {
    const started = Date.now();
    const res = await createOfflineAdapter({ delayMs: 250 }).complete({ ...base, prompt: "hi" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(res.durationMs).toBeGreaterThanOrEqual(240);
  });

  it("rejects with an AbortError when the signal aborts mid-call, and at once when already aborted", async () => {
    const controller = new AbortController();
    const chunks: string[] = [];
    const pending = createOfflineAdapter({ delayMs: 5_000, chunkDelayMs: 20 }).complete({
      ...base,
      prompt: "Topic: Abort me",
      signal: controller.signal,
      onChunk: (c) => chunks.push(c),
    });
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const err = await pending.catch((e: unknown) => e);
    expect((err as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(chunks.length).toBeGreaterThan(0);

    const again = await createOfflineAdapter()
      .complete({ ...base, prompt: "x", signal: controller.signal })
      .catch((e: unknown) => e);
    expect((again as Error).name).toBe("AbortError");
  });
});

describe("offline social posts", () => {
  it("a top-level text is a short post naming the topic, inside X's 280 characters", async () => {
    const adapter = createOfflineAdapter({ chunkDelayMs: 0 });
    const prompt = [
      "Topic: Why our bakery opens at six",
      "```offline-example",
      JSON.stringify({ text: "", hashtags: ["#bakery"], changeNote: "" }),
      "```",
    ].join("\n");
    const json = JSON.parse((await adapter.complete({ ...base, prompt })).text) as { text: string };
    expect(json.text).toContain("Why our bakery opens at six");
    expect(json.text.length).toBeLessThanOrEqual(240);
    expect(json.text).not.toContain("##");
  });
});
