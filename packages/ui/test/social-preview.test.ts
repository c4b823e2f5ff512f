import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { previewKindOf, SocialPostPreview } from "../src/social-preview";

const render = (props: Parameters<typeof SocialPostPreview>[0]) =>
  renderToStaticMarkup(createElement(SocialPostPreview, props));
const account = { name: "Acme Corp", handle: "acme", avatarUrl: null };

describe("SocialPostPreview", () => {
  it("shows the account, the text with its links and hashtags, and the counters against the network's limits", () => {
    const html = render({
      kind: "linkedin",
      account,
      text: "Spring is here.\nSee https://acme.example/spring #launch",
      images: [],
    });
    expect(html).toContain('aria-label="Preview on LinkedIn"');
    expect(html).toContain("Acme Corp");
    expect(html).toMatch(/<a href="https:\/\/acme.example\/spring"[^>]*>https:\/\/acme.example\/spring<\/a>/);
    expect(html).toMatch(/<span class="[^"]*">#launch<\/span>/);
    expect(html).toContain("55 of 3,000 characters");
    expect(html).toContain("1 of 10 hashtags");
    expect(html).toContain("Within LinkedIn&#x27;s limits.");
    // No image: LinkedIn's link preview card stands in for the first link.
    expect(html).toContain("acme.example");
    expect(html).toContain("shows a preview card of the first link");
  });

  it("says every limit broken in words: X's length (links count 23) and hashtags", () => {
    const html = render({
      kind: "x",
      account,
      text: `${"a".repeat(260)} https://example.com/a/very/long/path/that/is/shortened #a #b #c #d`,
      images: [],
    });
    expect(html).toContain("@acme");
    expect(html).toContain("296 of 280 characters");
    expect(html).toContain("X takes 280 characters; this post has 296: shorten it by 16.");
    expect(html).toContain("X posts should carry at most 3 hashtags; this one has 4.");
  });

  it("Instagram: links are plain text, and a post without an image says it cannot be published", () => {
    const html = render({ kind: "instagram", account, text: "Shop now https://acme.example", images: [] });
    expect(html).not.toContain('href="https://acme.example"');
    expect(html).toContain("Instagram publishes no post without an image.");
    expect(html).toContain("Instagram needs an image with every post: add one from the media library.");
  });

  it("lays images out as a grid, counting those past four on the last tile", () => {
    const images = Array.from({ length: 6 }, (_, i) => ({ src: `/media/${i}`, alt: `Image ${i + 1}` }));
    const html = render({ kind: "facebook", account, text: "Six photos", images });
    expect(html.match(/<img src="\/media\/\d"/g)).toHaveLength(4);
    expect(html).toContain("+2");
    expect(html).toContain("6 of 10 images");
  });
});

describe("previewKindOf", () => {
  it("is the chosen account's network, else the one written for; none for other work", () => {
    const post = { type: "social_post", channel: "x", publishTo: { channel: { kind: "linkedin" } } };
    expect(previewKindOf(post)).toBe("linkedin");
    expect(previewKindOf({ ...post, publishTo: { channel: null } })).toBe("x");
    expect(previewKindOf({ ...post, channel: null, publishTo: { channel: null } })).toBeNull();
    expect(
      previewKindOf({ type: "blog_post", channel: null, publishTo: { channel: { kind: "wordpress" } } }),
    ).toBeNull();
  });
});
