import { describe, expect, it } from "vitest";
import { createMediaLinks, MEDIA_LINK_TTL_SECONDS } from "../src";

const links = createMediaLinks({ baseUrl: "https://api.example/", channelSecretsKey: "a".repeat(44) });
const claims = {
  tenantId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  mediaId: "0190a1b2-c3d4-7e5f-8a9b-ffffffffffff",
  kind: "instagram" as const,
};
const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

describe("signed media links", () => {
  it("round-trip their claims, and stay under Fastify's 100-character path parameter", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const url = links.url(claims, now);
    expect(url.startsWith("https://api.example/public/v1/media/")).toBe(true);
    expect(tokenOf(url).length).toBeLessThan(100);
    expect(links.verify(tokenOf(url), now)).toEqual({
      ...claims,
      expiresAt: Math.floor(now.getTime() / 1000) + MEDIA_LINK_TTL_SECONDS,
    });
  });

  it("refuse an expired, altered, truncated or foreign-key link", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const token = tokenOf(links.url(claims, now));
    expect(links.verify(token, new Date(now.getTime() + (MEDIA_LINK_TTL_SECONDS + 1) * 1000))).toBeNull();
    const [body, sig] = token.split(".") as [string, string];
    const flipped = `${body.slice(0, 5)}${body[5] === "A" ? "B" : "A"}${body.slice(6)}`;
    expect(links.verify(`${flipped}.${sig}`, now)).toBeNull();
    expect(links.verify(`${body.slice(0, 20)}.${sig}`, now)).toBeNull();
    expect(links.verify(body, now)).toBeNull();
    const other = createMediaLinks({ baseUrl: "https://api.example", channelSecretsKey: "b".repeat(44) });
    expect(other.verify(token, now)).toBeNull();
  });
});
