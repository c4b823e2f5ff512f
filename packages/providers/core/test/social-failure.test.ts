import { sendJson, startFakeHttpServer } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SocialNetwork, SocialProviderError, socialFailure } from "../src";
import { fetchPublicImage } from "../src/fake-oauth";

const answer = (status: number, json: unknown) => ({
  status,
  ok: status < 300,
  headers: new Headers(),
  text: JSON.stringify(json),
  json,
});

const network: SocialNetwork = {
  kind: "demo",
  label: "Demo",
  describeRejection: (status) => `Demo refused (HTTP ${status}).`,
  // Demo says "expired" in its body with a 400, as Meta does.
  classify: (res) =>
    (res.json as { code?: number } | undefined)?.code === 190
      ? new SocialProviderError("demo", "auth_expired", "Demo expired the token.", { status: res.status })
      : undefined,
};

describe("socialFailure", () => {
  it("asks the network's classify first, then goes by the status", () => {
    expect(socialFailure(network, answer(400, { code: 190 })).kind).toBe("auth_expired");
    const plain = socialFailure(network, answer(400, { code: 100 }));
    expect([plain.kind, plain.message]).toEqual(["rejected", "Demo refused (HTTP 400)."]);
    expect(socialFailure(network, answer(503, {})).kind).toBe("unavailable");
  });
});

describe("fetchPublicImage (the fakes fetching image urls)", () => {
  let server: Awaited<ReturnType<typeof startFakeHttpServer>>;
  beforeAll(async () => {
    server = await startFakeHttpServer((req, res) => {
      if (req.url === "/a.jpg") {
        res.writeHead(200, { "content-type": "image/jpeg" });
        res.end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
      } else if (req.url === "/page") {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<h1>not an image</h1>");
      } else sendJson(res, 404, {});
    });
  });
  afterAll(() => server.close());

  it("takes an image answered 200, and nothing else", async () => {
    expect(await fetchPublicImage(`${server.url}/a.jpg`)).toEqual({
      url: `${server.url}/a.jpg`,
      contentType: "image/jpeg",
      bytes: 4,
    });
    expect(await fetchPublicImage(`${server.url}/page`)).toBeNull();
    expect(await fetchPublicImage(`${server.url}/missing.jpg`)).toBeNull();
    expect(await fetchPublicImage(undefined)).toBeNull();
  });
});
