import { afterEach, describe, expect, it } from "vitest";
import {
  createEmailProvider,
  createSendGridEmailProvider,
  createSesEmailProvider,
  createSmtpEmailProvider,
  type EmailMessage,
  type EmailProvider,
  EmailSendError,
  emailProviderEnvSchema,
} from "../src";
import { startSendGridReceiver, startSesReceiver, startSmtpReceiver } from "./receivers";

/** Provider-specific behaviour beyond the shared contract. */

const message: EmailMessage = {
  to: "ana@client.example",
  from: "noreply@leadmetrics.example",
  subject: "Hi",
  html: "<p>Hi</p>",
  text: "Hi",
};
const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
const track = <T extends { close(): Promise<void> } | EmailProvider>(x: T): T => {
  cleanup.push(() => x.close?.());
  return x;
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable("expected a failure"),
    (e: unknown) => e as EmailSendError,
  );

describe("SMTP provider", () => {
  it("451 is retryable and 550 is not, each with its SMTP code as status", async () => {
    const smtp = track(await startSmtpReceiver());
    const provider = track(createSmtpEmailProvider({ url: smtp.url }));
    smtp.failNext("throttled");
    expect(await failure(provider.send(message))).toMatchObject({
      name: "EmailSendError",
      retryable: true,
      status: 451,
    });
    smtp.failNext("rejected");
    expect(await failure(provider.send(message))).toMatchObject({ retryable: false, status: 550 });
    smtp.failNext("unavailable");
    expect(await failure(provider.send(message))).toMatchObject({ retryable: true, status: 452 });
  });

  it("wrong credentials are not retryable", async () => {
    const smtp = track(await startSmtpReceiver());
    const provider = track(createSmtpEmailProvider({ url: smtp.url.replace(":s3cret@", ":wrong@") }));
    const err = await failure(provider.send(message));
    expect(err).toBeInstanceOf(EmailSendError);
    expect(err).toMatchObject({ retryable: false, status: 535 });
    expect(smtp.received).toHaveLength(0);
  });

  it("the pooled transport reuses one authenticated connection for consecutive sends", async () => {
    const smtp = track(await startSmtpReceiver());
    const provider = track(createSmtpEmailProvider({ url: smtp.url }));
    for (let i = 0; i < 4; i++) await provider.send({ ...message, subject: `n${i}` });
    expect(smtp.received).toHaveLength(4);
    expect(new Set(smtp.sessions.map((s) => s.id)).size).toBe(1);
    expect(smtp.sessions[0]?.user).toBe("mailer");
  });

  it("keeps a display name in from", async () => {
    const smtp = track(await startSmtpReceiver());
    const provider = track(createSmtpEmailProvider({ url: smtp.url }));
    await provider.send({ ...message, from: "Leadmetrics <noreply@leadmetrics.example>" });
    expect(smtp.received[0]?.from).toBe("noreply@leadmetrics.example");
  });
});

describe("SendGrid provider", () => {
  it("authenticates with the API key and sends the idempotency key as custom arg and header", async () => {
    const api = track(await startSendGridReceiver("SG.key-1"));
    const provider = createSendGridEmailProvider({ apiKey: "SG.key-1", baseUrl: api.url });
    const { messageId } = await provider.send({
      ...message,
      from: "Leadmetrics <noreply@leadmetrics.example>",
      idempotencyKey: "k-1",
    });
    expect(messageId).toMatch(/^sg-/);
    const [req] = api.requests;
    expect(req?.headers.authorization).toBe("Bearer SG.key-1");
    expect(req?.body).toMatchObject({
      from: { email: "noreply@leadmetrics.example", name: "Leadmetrics" },
      custom_args: { idempotency_key: "k-1" },
      headers: { "X-Idempotency-Key": "k-1" },
      content: [
        { type: "text/plain", value: "Hi" },
        { type: "text/html", value: "<p>Hi</p>" },
      ],
    });
  });

  it("two providers keep their own key and base URL (no shared singleton)", async () => {
    const a = track(await startSendGridReceiver("SG.a"));
    const b = track(await startSendGridReceiver("SG.b"));
    const pa = createSendGridEmailProvider({ apiKey: "SG.a", baseUrl: a.url });
    const pb = createSendGridEmailProvider({ apiKey: "SG.b", baseUrl: b.url });
    await pa.send(message);
    await pb.send(message);
    await pa.send(message);
    expect([a.received.length, b.received.length]).toEqual([2, 1]);
  });

  it("429 carries when the rate-limit window reopens; a bad key (401) is permanent", async () => {
    const api = track(await startSendGridReceiver("SG.good"));
    api.failNext("throttled");
    const throttled = await failure(createSendGridEmailProvider({ apiKey: "SG.good", baseUrl: api.url }).send(message));
    expect(throttled).toMatchObject({ retryable: true, status: 429 });
    expect(throttled.retryAfterMs).toBeGreaterThan(0);
    expect(
      await failure(createSendGridEmailProvider({ apiKey: "SG.bad", baseUrl: api.url }).send(message)),
    ).toMatchObject({ retryable: false, status: 401 });
  });

  it("names SendGrid's field error in the message", async () => {
    const api = track(await startSendGridReceiver("SG.k"));
    api.failNext("rejected");
    const err = await failure(createSendGridEmailProvider({ apiKey: "SG.k", baseUrl: api.url }).send(message));
    expect(err.message).toContain("from: The from address does not match a verified Sender Identity.");
  });
});

describe("SES provider", () => {
  const creds = { region: "us-east-2", accessKeyId: "AKIASESTEST", secretAccessKey: "ses-secret" };

  it("signs with SigV4 for the region and makes one attempt only (the queue owns retries)", async () => {
    const api = track(await startSesReceiver(creds.accessKeyId, creds.region));
    const provider = track(createSesEmailProvider({ ...creds, endpoint: api.url }));
    await provider.send(message);
    expect(api.requests[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIASESTEST\/\d{8}\/us-east-2\/ses\/aws4_request/,
    );
    api.requests.length = 0;
    api.failNext("unavailable");
    expect(await failure(provider.send(message))).toMatchObject({ retryable: true, status: 500 });
    expect(api.requests).toHaveLength(1);
  });

  it("names the SES error type; throttling is retryable with its status", async () => {
    const api = track(await startSesReceiver(creds.accessKeyId, creds.region));
    const provider = track(createSesEmailProvider({ ...creds, endpoint: api.url }));
    api.failNext("rejected");
    const rejected = await failure(provider.send(message));
    expect(rejected).toMatchObject({ retryable: false, status: 400 });
    expect(rejected.message).toContain("BadRequestException");
    api.failNext("throttled");
    expect(await failure(provider.send(message))).toMatchObject({
      retryable: true,
      status: 429,
      message: expect.stringContaining("TooManyRequestsException"),
    });
  });

  it("wrong credentials (403) are permanent", async () => {
    const api = track(await startSesReceiver("AKIASOMEONEELSE", creds.region));
    const provider = track(createSesEmailProvider({ ...creds, endpoint: api.url }));
    expect(await failure(provider.send(message))).toMatchObject({ retryable: false, status: 403 });
  });
});

describe("createEmailProvider", () => {
  it("builds the provider EMAIL_PROVIDER names and it sends", async () => {
    const smtp = track(await startSmtpReceiver());
    const provider = track(createEmailProvider({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url }));
    expect(provider.name).toBe("smtp");
    await provider.send(message);
    expect(smtp.received).toHaveLength(1);

    expect(createEmailProvider({ EMAIL_PROVIDER: "sendgrid", SENDGRID_API_KEY: "SG.x" }).name).toBe("sendgrid");
    const ses = track(
      createEmailProvider({
        EMAIL_PROVIDER: "ses",
        SES_REGION: "eu-west-1",
        SES_ACCESS_KEY_ID: "a",
        SES_SECRET_ACCESS_KEY: "b",
      }),
    );
    expect(ses.name).toBe("ses");
  });

  it("its env schema picks the branch by EMAIL_PROVIDER and names what is missing", () => {
    const env = { EMAIL_PROVIDER: "sendgrid", SENDGRID_API_KEY: "SG.k", SMTP_URL: "smtp://ignored:1", UNRELATED: "x" };
    expect(emailProviderEnvSchema.parse(env)).toEqual({ EMAIL_PROVIDER: "sendgrid", SENDGRID_API_KEY: "SG.k" });
    const missing = emailProviderEnvSchema.safeParse({ EMAIL_PROVIDER: "ses", SES_REGION: "eu-west-1" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["SES_ACCESS_KEY_ID", "SES_SECRET_ACCESS_KEY"]),
    );
    expect(emailProviderEnvSchema.safeParse({ EMAIL_PROVIDER: "mailgun" }).success).toBe(false);
    expect(() => createEmailProvider({ EMAIL_PROVIDER: "smtp", SMTP_URL: "http://not-smtp" })).toThrow();
  });
});
