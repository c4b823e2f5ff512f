import { type FakeHttpServer, sendJson, startFakeHttpServer, unusedLocalUrl } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWordPressClient, type WordPressError } from "../src";
import { type FakeWordPress, startFakeWordPress } from "../src/fake-server";

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("it should fail") as never,
    (e) => e as WordPressError,
  );

describe("verify, against a local server speaking WordPress's REST wire format", () => {
  let wp: FakeWordPress;
  let subscriberSite: FakeWordPress;
  beforeAll(async () => {
    wp = await startFakeWordPress({
      username: "editor",
      applicationPassword: "abcd efgh ijkl mnop",
      siteName: "Acme Journal",
      displayName: "Eve Editor",
    });
    subscriberSite = await startFakeWordPress({
      username: "reader",
      applicationPassword: "abcd efgh",
      roles: ["subscriber"],
    });
  });
  afterAll(async () => {
    await wp.close();
    await subscriberSite.close();
  });
  const client = (over: Partial<Parameters<typeof createWordPressClient>[0]> = {}) =>
    createWordPressClient({ siteUrl: wp.url, username: "editor", applicationPassword: "abcd efgh ijkl mnop", ...over });

  it("finds the site's name, the user's display name and roles, and that they may publish", async () => {
    expect(await client().verify()).toEqual({
      siteName: "Acme Journal",
      userName: "Eve Editor",
      roles: ["editor"],
      canPublish: true,
    });
    expect(wp.requests.at(-2)).toMatchObject({ path: "/wp-json/wp/v2/users/me?context=edit", authorized: true });
  });

  it("a site under a path works the same", async () => {
    expect((await client({ siteUrl: `${wp.url}/blog/` }).verify()).userName).toBe("Eve Editor");
    expect(wp.requests.at(-2)!.path).toBe("/blog/wp-json/wp/v2/users/me?context=edit");
  });

  it("names what is wrong: the password, the user, the right to publish", async () => {
    const host = new URL(wp.url).host;
    expect((await failureOf(client({ applicationPassword: "wrong-password" }).verify())).message).toBe(
      `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`,
    );
    expect((await failureOf(client({ username: "nobody" }).verify())).kind).toBe("unknown_user");
    const subscriber = createWordPressClient({
      siteUrl: subscriberSite.url,
      username: "reader",
      applicationPassword: "abcd efgh",
    });
    expect((await failureOf(subscriber.verify())).kind).toBe("cannot_publish");
  });

  it("a revoked password is refused on the next publish, with the same sentence", async () => {
    wp.setApplicationPassword("a new password");
    try {
      const failure = await failureOf(client().findPostBySlug("x"));
      expect([failure.kind, failure.permanent]).toEqual(["bad_password", true]);
    } finally {
      wp.setApplicationPassword("abcd efgh ijkl mnop");
    }
  });
});

describe("verify against what is not a working WordPress", () => {
  let other: FakeHttpServer;
  beforeAll(async () => {
    other = await startFakeHttpServer();
  });
  afterAll(() => other.close());
  const verify = (siteUrl: string, timeoutMs?: number) =>
    failureOf(createWordPressClient({ siteUrl, username: "u", applicationPassword: "p", timeoutMs }).verify());

  it("a web page that is not WordPress (HTML 200 or 404)", async () => {
    other.script((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!doctype html><h1>Welcome</h1>");
    });
    expect((await verify(other.url)).kind).toBe("not_wordpress");
    other.script((_req, res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<h1>Not found</h1>");
    });
    expect((await verify(other.url)).kind).toBe("not_wordpress");
  });

  it("WordPress failing (5xx) is worth a retry", async () => {
    other.script((_req, res) => sendJson(res, 503, { code: "maintenance" }));
    const failure = await verify(other.url);
    expect([failure.kind, failure.permanent, failure.status]).toEqual(["server_error", false, 503]);
  });

  it("nothing listening, or a site that never answers", async () => {
    const down = await verify(await unusedLocalUrl());
    expect(down.kind).toBe("unreachable");
    expect(down.message).not.toMatch(/fetch failed|ECONNREFUSED/);
    other.script(() => new Promise(() => {}));
    expect((await verify(other.url, 200)).kind).toBe("timeout");
  });

  it("the caller's own cancellation is passed through, not blamed on the site", async () => {
    other.script(() => new Promise(() => {}));
    const controller = new AbortController();
    const call = createWordPressClient({
      siteUrl: other.url,
      username: "u",
      applicationPassword: "p",
      signal: controller.signal,
    }).verify();
    controller.abort(new Error("shutting down"));
    await expect(call).rejects.toThrow("shutting down");
  });
});
