import { sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { describe, expect, it } from "vitest";
import { createTokenBook, pkceMatches } from "../src/fake-kit";
import {
  callHttp,
  expiresAtFrom,
  formBody,
  networkOrigin,
  pkcePair,
  ProviderError,
  SocialProviderError,
  socialHttp,
  transientFailure,
} from "../src";

const config = { clientId: "c", clientSecret: "s", redirectUri: "http://127.0.0.1/cb" };

describe("what the social providers share", () => {
  it("baseUrl replaces the network's origin; without it the network's own is used", () => {
    expect(networkOrigin(config, "https://api.example")).toBe("https://api.example");
    expect(networkOrigin({ ...config, baseUrl: "http://127.0.0.1:4010/x/" }, "https://api.example")).toBe(
      "http://127.0.0.1:4010/x",
    );
  });

  it("form bodies leave out what is undefined; expiry is counted from now", () => {
    expect(formBody({ a: "1", b: undefined, c: "x y" }).toString()).toBe("a=1&c=x+y");
    expect(expiresAtFrom(60, 1_000)).toEqual(new Date(61_000));
    expect(expiresAtFrom("60", 1_000)).toEqual(new Date(61_000));
    expect(expiresAtFrom(undefined)).toBeUndefined();
    expect(expiresAtFrom(0)).toBeUndefined();
  });

  it("callHttp goes through the fetch it is given", async () => {
    const seen: string[] = [];
    const fetcher: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response('{"ok":true}', { status: 200 });
    };
    const res = await callHttp(
      "http://example.invalid/x",
      {},
      {
        what: "Demo",
        fetch: fetcher,
        makeError: (m, r) => new ProviderError(m, r),
      },
    );
    expect([res.json, seen]).toEqual([{ ok: true }, ["http://example.invalid/x"]]);
  });

  it("a network that cannot be reached is unavailable, in plain words, the transport's code kept in detail", async () => {
    const failure = await socialHttp(config, "demo", "Demo")(await unusedLocalUrl()).catch((e) => e);
    expect(failure).toBeInstanceOf(SocialProviderError);
    expect([failure.kind, failure.retryable, failure.message]).toEqual([
      "unavailable",
      true,
      "Demo could not be reached: try again later.",
    ]);
    expect(failure.detail).toMatch(/ECONNREFUSED/);
  });

  it("429 is rate_limited with Retry-After; 5xx is unavailable; other statuses are the network's to explain", async () => {
    const server = await startFakeHttpServer();
    try {
      server.script(
        (_req, res) => sendJson(res, 429, { error: "slow down" }),
        (_req, res) => sendJson(res, 502, { error: "bad gateway" }),
        (_req, res) => sendJson(res, 400, { error: "bad" }),
      );
      const call = socialHttp(config, "demo", "Demo");
      const limited = transientFailure("demo", "Demo", await call(server.url));
      expect([limited?.kind, limited?.retryAfterMs]).toEqual(["rate_limited", undefined]);
      expect(transientFailure("demo", "Demo", await call(server.url))?.kind).toBe("unavailable");
      expect(transientFailure("demo", "Demo", await call(server.url))).toBeUndefined();
      server.script((_req, res) => {
        res.writeHead(429, { "retry-after": "12" });
        res.end();
      });
      expect(transientFailure("demo", "Demo", await call(server.url))?.retryAfterMs).toBe(12_000);
    } finally {
      await server.close();
    }
  });
});

describe("the fakes' token book", () => {
  it("codes are good once; access tokens expire; refresh tokens can be revoked", () => {
    const book = createTokenBook<{ who: string }>({ accessTokenTtlSeconds: 3600, prefix: "t-" });
    const code = book.issueCode({ who: "eve" });
    expect(book.redeemCode(code)).toEqual({ who: "eve" });
    expect(book.redeemCode(code)).toBeUndefined();
    const live = book.issueAccess({ who: "eve" });
    const dead = book.issueAccess({ who: "eve" }, 0);
    expect([book.checkAccess(live.token), book.checkAccess(dead.token)]).toEqual([{ who: "eve" }, undefined]);
    book.expireAccessTokens();
    expect(book.checkAccess(live.token)).toBeUndefined();
    const refresh = book.issueRefresh({ who: "eve" });
    expect(book.checkRefresh(refresh)).toEqual({ who: "eve" });
    book.revokeRefreshTokens();
    expect(book.checkRefresh(refresh)).toBeUndefined();
  });

  it("checks PKCE S256 as RFC 7636 says", () => {
    const { verifier, challenge } = pkcePair();
    expect(pkceMatches(verifier, challenge)).toBe(true);
    expect(pkceMatches(`${verifier}x`, challenge)).toBe(false);
  });
});
