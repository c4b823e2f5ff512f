import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { timeAgo } from "../src";
import { SubmitButton } from "../src/forms";

describe("timeAgo", () => {
  const now = Date.parse("2026-12-02T12:00:00Z");
  const before = (ms: number) => new Date(now - ms).toISOString();
  it.each([
    [before(20_000), "just now"],
    [before(3 * 60_000), "3 min ago"],
    [before(59 * 60_000), "59 min ago"],
    [before(5 * 3_600_000), "5 h ago"],
    [before(30 * 3_600_000), "yesterday"],
    [before(3 * 86_400_000), "3 days ago"],
    [before(10 * 86_400_000), "22 Nov 2026, 12:00"],
    [null, "never"],
  ])("%s → %s", (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});

describe("SubmitButton", () => {
  it("says what it does, and while pending is disabled, busy and says what is happening", () => {
    const idle = renderToStaticMarkup(createElement(SubmitButton, { pendingLabel: "Testing…" }, "Test connection"));
    expect(idle).toMatch(/^<button type="submit" class="[^"]+">Test connection<\/button>$/);
    const busy = renderToStaticMarkup(
      createElement(SubmitButton, { pendingLabel: "Testing…", pending: true }, "Test connection"),
    );
    expect(busy).toContain('disabled="" aria-busy="true"');
    expect(busy).toMatch(/<span aria-hidden="true" class="[^"]*animate-spin[^"]*"><\/span>Testing…<\/button>$/);
  });
});
