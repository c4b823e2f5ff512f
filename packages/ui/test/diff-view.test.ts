import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DiffView } from "../src";

const render = (before: string, after: string) =>
  renderToStaticMarkup(createElement(DiffView, { before, after, beforeLabel: "Version 1", afterLabel: "Version 2" }));

describe("DiffView", () => {
  it("marks the words that changed, not their whole paragraph", () => {
    const html = render(
      "The quick brown fox jumps.\n\nSecond paragraph.",
      "The slow brown fox jumps.\n\nSecond paragraph.",
    );
    expect(html).toMatch(/<del[^>]*><span class="sr-only">removed: <\/span>quick<\/del>/);
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">added: <\/span>slow<\/ins>/);
    expect(html).not.toMatch(/<(del|ins)[^>]*>[^<]*(brown|Second)/);
  });

  it("shows both versions side by side and one inline column for narrow screens", () => {
    const html = render("a b", "a c");
    expect(html).toContain("Version 1");
    expect(html).toContain("Version 2");
    expect(html).toContain("Version 1 → Version 2");
    // Inline: the removal and the addition in one column.
    expect(html).toMatch(/md:hidden[\s\S]*<del[\s\S]*b[\s\S]*<ins[\s\S]*c/);
  });
});
