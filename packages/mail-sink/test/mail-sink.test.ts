import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type MailSink, type StoredMessage, startMailSink } from "../src";

describe("mail sink", () => {
  let sink: MailSink;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
    transport = nodemailer.createTransport({ url: sink.smtpUrl });
  });
  afterAll(async () => {
    transport.close();
    await sink.close();
  });
  beforeEach(() => sink.clear());

  const send = (over: Record<string, unknown> = {}) =>
    transport.sendMail({
      from: "Leadmetrics <noreply@leadmetrics.example>",
      to: "ana@client.example",
      subject: "Reset your password",
      html: '<p>Click <a href="http://localhost:3000/reset?t=abc&amp;x=1">here</a></p>',
      text: "Open http://localhost:3000/reset?t=abc&x=1",
      ...over,
    });
  const get = (path: string, init?: RequestInit) => fetch(`${sink.webUrl}${path}`, init);

  it("listens on the ports it was given (0 = free ones) on 127.0.0.1", () => {
    expect(sink.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    expect(sink.webUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sink.smtpPort).toBeGreaterThan(0);
    expect(sink.httpPort).toBeGreaterThan(0);
  });

  it("a mail sent with nodemailer appears in /api/messages with subject, to, html and text", async () => {
    await send({ cc: "boss@client.example", bcc: "hidden@client.example", headers: { "X-Idempotency-Key": "k-1" } });
    const res = await get("/api/messages");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const list = (await res.json()) as StoredMessage[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      subject: "Reset your password",
      from: '"Leadmetrics" <noreply@leadmetrics.example>',
      to: ["ana@client.example"],
      cc: ["boss@client.example"],
      html: '<p>Click <a href="http://localhost:3000/reset?t=abc&amp;x=1">here</a></p>',
      text: "Open http://localhost:3000/reset?t=abc&x=1",
      envelope: {
        mailFrom: "noreply@leadmetrics.example",
        rcptTo: ["ana@client.example", "boss@client.example", "hidden@client.example"],
      },
    });
    expect(list[0]?.headers["x-idempotency-key"]).toBe("k-1");
    expect(list[0]?.size).toBeGreaterThan(100);
    expect(sink.messages()).toEqual(list);
    const one = await get(`/api/messages/${list[0]?.id}`);
    expect(await one.json()).toEqual(list[0]);
  });

  it("lists newest first on an auto-refreshing, script-free page", async () => {
    await send({ subject: "first" });
    await send({ subject: "second" });
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).not.toMatch(/<script|<link|src="http/i);
    expect(page.indexOf("second")).toBeLessThan(page.indexOf("first"));
    expect(page).toContain("ana@client.example");
    expect(sink.messages().map((m) => m.subject)).toEqual(["second", "first"]);
  });

  it("escapes a hostile subject on the inbox and message pages", async () => {
    const hostile = "<script>alert(1)</script>";
    await send({ subject: hostile, to: '"<img src=x onerror=alert(2)>" <evil@client.example>' });
    const inbox = await (await get("/")).text();
    expect(inbox).not.toContain(hostile);
    expect(inbox).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(inbox).not.toContain("<img src=x");
    const [m] = sink.messages();
    const page = await (await get(`/messages/${m?.id}`)).text();
    expect(page).not.toContain(hostile);
    expect(page).toContain("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>");
  });

  it("renders the HTML body in a sandboxed srcdoc iframe (escaped) and the text part beside it", async () => {
    const html = `<p class="x">Hi "you" &amp; 'them'</p></iframe><script>alert(3)</script>`;
    await send({ html, text: "plain <b>text</b> & more" });
    const [m] = sink.messages();
    const res = await get(`/messages/${m?.id}`);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    const iframe = /<iframe [^>]*>/.exec(page)?.[0] ?? "";
    expect(iframe).toMatch(/sandbox="allow-popups allow-popups-to-escape-sandbox"/);
    expect(iframe).not.toContain("allow-scripts");
    expect(iframe).not.toContain("allow-same-origin");
    const srcdoc = /srcdoc="([^"]*)"/.exec(iframe)?.[1];
    expect(srcdoc).toBe(
      "&lt;base target=&quot;_blank&quot;&gt;&lt;p class=&quot;x&quot;&gt;Hi &quot;you&quot; &amp;amp; &#39;them&#39;&lt;/p&gt;&lt;/iframe&gt;&lt;script&gt;alert(3)&lt;/script&gt;",
    );
    // the body never appears unescaped anywhere on the page
    expect(page).not.toContain("<script>alert(3)");
    expect(page).toContain("<pre>plain &lt;b&gt;text&lt;/b&gt; &amp; more</pre>");
  });

  it("DELETE /api/messages clears, and so does the page's Clear all form", async () => {
    await send();
    const del = await get("/api/messages", { method: "DELETE" });
    expect(del.status).toBe(204);
    expect(sink.messages()).toEqual([]);
    expect(await (await get("/api/messages")).json()).toEqual([]);

    await send();
    const form = await get("/clear", { method: "POST", redirect: "manual" });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/");
    expect(sink.messages()).toEqual([]);
  });

  it("answers 404 for a message that is gone", async () => {
    expect((await get("/messages/00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await get("/api/messages/nope")).status).toBe(404);
  });

  it("accepts mail from a client that authenticates with any credentials", async () => {
    const withAuth = nodemailer.createTransport({ url: sink.smtpUrl.replace("smtp://", "smtp://app:whatever@") });
    try {
      await withAuth.sendMail({ from: "a@b.example", to: "c@d.example", subject: "authed", text: "x" });
    } finally {
      withAuth.close();
    }
    expect(sink.messages()[0]).toMatchObject({ subject: "authed", html: null });
    expect(sink.messages()[0]?.text?.trim()).toBe("x");
  });

  it("waitForMessage resolves when a matching mail arrives", async () => {
    const waiting = sink.waitForMessage((m) => m.to.includes("late@client.example"), { timeoutMs: 5_000 });
    await send({ to: "other@client.example" });
    await send({ to: "late@client.example", subject: "the one" });
    await expect(waiting).resolves.toMatchObject({ subject: "the one" });
    await expect(sink.waitForMessage(() => false, { timeoutMs: 50 })).rejects.toThrow(/No matching email/);
  });
});

describe("mail sink limits", () => {
  it("keeps only the newest maxMessages and refuses oversized mail with 552", async () => {
    const sink = await startMailSink({ smtpPort: 0, httpPort: 0, maxMessages: 3, maxMessageBytes: 20_000 });
    const transport = nodemailer.createTransport({ url: sink.smtpUrl });
    try {
      for (let i = 1; i <= 5; i++)
        await transport.sendMail({ from: "a@b.example", to: "c@d.example", subject: `m${i}`, text: "x" });
      expect(sink.messages().map((m) => m.subject)).toEqual(["m5", "m4", "m3"]);
      const err = await transport
        .sendMail({ from: "a@b.example", to: "c@d.example", subject: "big", text: "x".repeat(50_000) })
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ responseCode: 552 });
      expect(sink.messages()).toHaveLength(3);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it("fails to start on a port in use, leaving nothing open", async () => {
    const first = await startMailSink({ smtpPort: 0, httpPort: 0 });
    try {
      await expect(startMailSink({ smtpPort: 0, httpPort: first.httpPort })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
