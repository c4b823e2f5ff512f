import { describe, expect, it } from "vitest";
import { elapsedText } from "../src/elapsed";
import { partialDraft } from "../src/partial-draft";

describe("partialDraft: a writer's JSON answer read while it arrives", () => {
  const answer = JSON.stringify({ title: 'Spring "sale"', body: "## Why\nSave 20% — now.\tGo", metaDescription: "x" });

  it("reads the title and body as far as they have arrived, at every cut", () => {
    for (let cut = 0; cut <= answer.length; cut++) {
      const draft = partialDraft(answer.slice(0, cut));
      expect('Spring "sale"'.startsWith(draft.title)).toBe(true);
      expect("## Why\nSave 20% — now.\tGo".startsWith(draft.body)).toBe(true);
    }
    expect(partialDraft(answer)).toEqual({ title: 'Spring "sale"', body: "## Why\nSave 20% — now.\tGo" });
  });

  it("reads a social post's text, \\u escapes, and plain text as it is", () => {
    expect(partialDraft('{"text": "Caf\\u00e9 open').body).toBe("Café open");
    expect(partialDraft('{"text": "Caf\\u00').body).toBe("Caf");
    expect(partialDraft("Just words so far")).toEqual({ title: "", body: "Just words so far" });
  });
});

describe("elapsedText", () => {
  const start = "2026-12-07T10:00:00.000Z";
  const at = (s: number) => Date.parse(start) + s * 1000;
  it("says seconds, minutes, then hours and minutes", () => {
    expect(elapsedText(start, at(45))).toBe("45 s");
    expect(elapsedText(start, at(125))).toBe("2 min");
    expect(elapsedText(start, at(3900))).toBe("1 h 5 min");
    expect(elapsedText(start, at(7200))).toBe("2 h");
    expect(elapsedText(start, at(-5))).toBe("0 s");
  });
});
