import { type FakeHttpServer, sendJson, startFakeHttpServer } from "@leadmetrics/testing/fake-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboundFetch, isPublicAddress, NotPublicAddressError } from "../src";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["1.1.1.1", true],
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
    ["64:ff9b::808:808", true],
    ["127.0.0.1", false],
    ["127.8.9.10", false],
    ["10.1.2.3", false],
    ["172.16.0.1", false],
    ["172.31.255.255", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["224.0.0.1", false],
    ["255.255.255.255", false],
    ["198.18.0.1", false],
    ["::", false],
    ["::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["::ffff:a9fe:a9fe", false],
    ["fe80::1", false],
    ["fc00::1", false],
    ["fd12:3456::1", false],
    ["ff02::1", false],
    ["64:ff9b::7f00:1", false],
    ["64:ff9b::10.0.0.1", false],
    ["2002:7f00:1::1", false],
    ["2001:db8::1", false],
    ["not-an-ip", false],
    ["", false],
  ])("%s → %s", (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe("createOutboundFetch", () => {
  let site: FakeHttpServer;
  let internal: FakeHttpServer;
  let otherOrigin: FakeHttpServer;
  beforeAll(async () => {
    // 127.0.0.2 stands for an internal service: a different address of the same machine.
    internal = await startFakeHttpServer((_req, res) => sendJson(res, 200, { secret: "internal" }), {
      host: "127.0.0.2",
    });
    otherOrigin = await startFakeHttpServer((req, res) =>
      sendJson(res, 200, { authorization: req.headers.authorization ?? null }),
    );
    site = await startFakeHttpServer((req, res) => {
      const to: Record<string, string> = {
        "/same-origin": "/landing",
        "/to-internal": `${internal.url}/metadata`,
        "/to-other-origin": `${otherOrigin.url}/x`,
        "/to-file": "file:///etc/passwd",
        "/loop": "/loop",
      };
      if (to[req.url]) {
        res.writeHead(302, { location: to[req.url]! });
        res.end();
        return;
      }
      sendJson(res, 200, { path: req.url, authorization: req.headers.authorization ?? null });
    });
  });
  afterAll(() => Promise.all([site.close(), internal.close(), otherOrigin.close()]));

  const publicOnly = createOutboundFetch({ allowPrivate: false });
  // Only 127.0.0.1 counts as "public" here, so redirects between local servers can be checked.
  const narrowed = createOutboundFetch({ allowPrivate: false, addressAllowed: (ip) => ip === "127.0.0.1" });
  const json = async (res: Response) => (await res.json()) as Record<string, unknown>;

  it("refuses loopback, private and metadata addresses, written as IPs, before connecting", async () => {
    const before = site.requests.length;
    for (const url of [
      site.url,
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://[::1]/",
      "http://2130706433/",
    ]) {
      await expect(publicOnly(url), url).rejects.toBeInstanceOf(NotPublicAddressError);
    }
    expect(site.requests.length).toBe(before);
  });

  it("checks the address a host name resolves to, on the connection itself", async () => {
    const before = site.requests.length;
    const port = new URL(site.url).port;
    const err = await publicOnly(`http://localhost:${port}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotPublicAddressError);
    expect((err as Error).message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/);
    expect(site.requests.length).toBe(before);
  });

  it("follows a GET redirect on the same origin with the credentials, and checks every hop", async () => {
    const res = await narrowed(`${site.url}/same-origin`, { headers: { authorization: "Basic abc" } });
    expect(await json(res)).toEqual({ path: "/landing", authorization: "Basic abc" });

    const before = internal.requests.length;
    await expect(narrowed(`${site.url}/to-internal`)).rejects.toThrow(NotPublicAddressError);
    expect(internal.requests.length).toBe(before);
    await expect(narrowed(`${site.url}/to-file`)).rejects.toThrow(/file: URLs are not called/);
    await expect(narrowed(`${site.url}/loop`)).rejects.toThrow(/more than 3 redirects/);
  });

  it("never carries Authorization to another origin", async () => {
    const res = await narrowed(`${site.url}/to-other-origin`, { headers: { authorization: "Basic abc" } });
    expect(await json(res)).toEqual({ authorization: null });
  });

  it("does not follow redirects of other methods: the 3xx is the caller's to report", async () => {
    const before = internal.requests.length;
    const res = await narrowed(`${site.url}/to-internal`, { method: "POST", body: "{}" });
    expect(res.status).toBe(302);
    expect(internal.requests.length).toBe(before);
  });

  it("reaches private addresses only when allowed", async () => {
    const res = await createOutboundFetch({ allowPrivate: true })(`${internal.url}/metadata`);
    expect(await json(res)).toEqual({ secret: "internal" });
  });
});
