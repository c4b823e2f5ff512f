import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../src/markdown";

describe("renderMarkdown", () => {
  it("renders what a published post shows: headings, lists, links and emphasis", () => {
    const html = renderMarkdown(
      "Intro with **bold** and _emphasis_.\n\n## Where to start\n\n- one\n- two\n\n[Our site](https://acme.example/) and [us](mailto:hi@acme.example)",
    );
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>emphasis</em>");
    expect(html).toContain("<h2>Where to start</h2>");
    expect(html).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(html).toContain(
      '<a href="https://acme.example/" rel="nofollow noopener noreferrer" target="_blank">Our site</a>',
    );
    expect(html).toContain('href="mailto:hi@acme.example"');
  });

  it("shows raw HTML as text and keeps script links, data images and event handlers out", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) ![x](data:image/png;base64,AAAA) [t](https://a.example "say \\"hi\\"")',
    );
    expect(html).not.toMatch(/<script|<img src=x|javascript:|data:image/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("click");
    expect(html).toContain('title="say &quot;hi&quot;"');
  });
});
