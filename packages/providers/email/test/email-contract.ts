import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type EmailMessage, type EmailProvider, EmailSendError } from "../src";

/** What the receiving side (SMTP server, fake SendGrid, fake SES) saw of one message. */
export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  idempotencyKey?: string;
}

/** How the receiving side should refuse the next message. */
export type FailureKind =
  /** the request/message itself is wrong: 4xx bad request / SMTP 550 */
  | "rejected"
  /** slow down: 429 / SMTP 451 */
  | "throttled"
  /** the provider is having trouble: 5xx / SMTP 452 */
  | "unavailable";

export interface EmailContractHarness {
  provider: EmailProvider;
  received(): Promise<ReceivedEmail[]>;
  /** Makes the receiving side refuse the next message the provider-specific way. */
  failNext(kind: FailureKind): void;
  /** A provider of the same kind pointed at an address where nothing listens. */
  unreachableProvider(): Promise<EmailProvider>;
  close(): Promise<void>;
}

const message: EmailMessage = {
  to: "ana@client.example",
  from: "noreply@leadmetrics.example",
  subject: "Your draft “Spring launch” is ready — review it",
  html: '<h1>Hello Ana</h1><p>Your draft “Spring launch” is ready. <a href="https://app.example/review?a=1&amp;b=2">Review it</a> 🚀</p>',
  text: "Hello Ana\nYour draft “Spring launch” is ready. Review it: https://app.example/review?a=1&b=2 🚀",
};

async function sendError(p: Promise<unknown>): Promise<EmailSendError> {
  const err = await p.then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EmailSendError);
  return err as EmailSendError;
}

/** The behaviour every EmailProvider must have, whatever carries the mail. */
export function runEmailContract(name: string, makeProvider: () => Promise<EmailContractHarness>): void {
  describe(`EmailProvider contract: ${name}`, () => {
    let h: EmailContractHarness;
    beforeEach(async () => {
      h = await makeProvider();
    });
    afterEach(async () => {
      await h.provider.close?.();
      await h.close();
    });

    it("delivers exactly the to/from/subject/html/text and returns a message id", async () => {
      const { messageId } = await h.provider.send(message);
      expect(messageId).toEqual(expect.any(String));
      expect(messageId.length).toBeGreaterThan(0);
      const received = await h.received();
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        to: [message.to],
        from: message.from,
        subject: message.subject,
        html: message.html,
        text: message.text,
      });
    });

    it("carries replyTo and the idempotency key to the receiving side", async () => {
      await h.provider.send({
        ...message,
        replyTo: "dm-team@leadmetrics.example",
        idempotencyKey: "notif:018f2c1e:email:ana@client.example",
      });
      const [got] = await h.received();
      expect(got?.replyTo).toBe("dm-team@leadmetrics.example");
      expect(got?.idempotencyKey).toBe("notif:018f2c1e:email:ana@client.example");
    });

    it("sends several messages in a row through one provider", async () => {
      for (const i of [1, 2, 3]) await h.provider.send({ ...message, subject: `Message ${i}` });
      expect((await h.received()).map((r) => r.subject)).toEqual(["Message 1", "Message 2", "Message 3"]);
    });

    it("a provider-side rejection (bad request / 550) is an EmailSendError with retryable=false", async () => {
      h.failNext("rejected");
      const err = await sendError(h.provider.send(message));
      expect(err.retryable).toBe(false);
      expect(err.status).toBeGreaterThanOrEqual(400);
      expect(await h.received()).toHaveLength(0);
      // the provider still works afterwards
      await h.provider.send(message);
      expect(await h.received()).toHaveLength(1);
    });

    it("throttling (429 / SMTP 451) is retryable", async () => {
      h.failNext("throttled");
      const err = await sendError(h.provider.send(message));
      expect(err.retryable).toBe(true);
      expect(await h.received()).toHaveLength(0);
    });

    it("a provider failure (5xx / SMTP 452) is retryable", async () => {
      h.failNext("unavailable");
      const err = await sendError(h.provider.send(message));
      expect(err.retryable).toBe(true);
    });

    it("an unreachable provider is retryable", async () => {
      const down = await h.unreachableProvider();
      try {
        const err = await sendError(down.send(message));
        expect(err.retryable).toBe(true);
      } finally {
        await down.close?.();
      }
    });

    it("refuses a header-injecting subject without sending (retryable=false)", async () => {
      const err = await sendError(h.provider.send({ ...message, subject: "Hi\r\nBcc: victim@example.com" }));
      expect(err.retryable).toBe(false);
      expect(await h.received()).toHaveLength(0);
    });
  });
}
