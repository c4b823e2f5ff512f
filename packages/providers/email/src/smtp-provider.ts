import nodemailer, { type NodemailerError } from "nodemailer";
import { z } from "zod";
import { type EmailProvider, EmailSendError, IDEMPOTENCY_HEADER, validateEmailMessage } from "./email-provider";

export const smtpEmailProviderOptionsSchema = z.object({
  /** e.g. smtp://user:pass@127.0.0.1:2525 or smtps://user:pass@smtp.example.com:465 */
  url: z.url({ protocol: /^smtps?$/ }),
  /** Parallel SMTP connections kept open by the pool. */
  maxConnections: z.number().int().positive().default(3),
  /** Bounds connect, greeting and every socket read: nodemailer's socket default is 10 minutes. */
  timeoutMs: z.number().int().positive().default(30_000),
});
export type SmtpEmailProviderOptions = z.input<typeof smtpEmailProviderOptionsSchema>;

/** Failures that no amount of retrying fixes: configuration, credentials, the message itself. */
const PERMANENT_CODES = new Set([
  "EAUTH",
  "ENOAUTH",
  "EOAUTH2",
  "ECONFIG",
  "EENVELOPE",
  "EMESSAGE",
  "EMAXRECIPIENTS",
  "EREQUIRETLS",
  "EFILEACCESS",
  "EURLACCESS",
  "EOTP",
]);

export function createSmtpEmailProvider(options: SmtpEmailProviderOptions): EmailProvider {
  const opts = smtpEmailProviderOptionsSchema.parse(options);
  // Pooled: a burst of notifications reuses a few authenticated connections instead of a
  // TCP + AUTH handshake per message.
  const transport = nodemailer.createTransport({
    url: opts.url,
    pool: true,
    maxConnections: opts.maxConnections,
    connectionTimeout: Math.min(opts.timeoutMs, 10_000),
    greetingTimeout: Math.min(opts.timeoutMs, 10_000),
    socketTimeout: opts.timeoutMs,
  });
  const host = new URL(opts.url).host;

  return {
    name: "smtp",
    async send(message) {
      const m = validateEmailMessage(message);
      try {
        const info = await transport.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          html: m.html,
          text: m.text,
          ...(m.replyTo ? { replyTo: m.replyTo } : {}),
          ...(m.idempotencyKey ? { headers: { [IDEMPOTENCY_HEADER]: m.idempotencyKey } } : {}),
        });
        return { messageId: info.messageId };
      } catch (err) {
        throw toEmailSendError(err as NodemailerError, host);
      }
    },
    async close() {
      transport.close();
    },
  };
}

function toEmailSendError(err: NodemailerError, host: string): EmailSendError {
  const detail = err.response ?? err.message;
  if (typeof err.responseCode === "number") {
    // RFC 5321: 4yz is transient, 5yz permanent (nodemailer sets `permanent` the same way, with
    // 503 "bad sequence" counted as transient).
    const permanent = err.permanent ?? err.responseCode >= 500;
    return new EmailSendError(
      `SMTP server ${host} refused the message (${err.responseCode}): ${detail}`,
      !permanent,
      err.responseCode,
      { cause: err },
    );
  }
  // No SMTP reply: either our side is wrong (permanent codes) or the connection failed.
  const retryable = !(err.code && PERMANENT_CODES.has(err.code));
  return new EmailSendError(
    `SMTP send through ${host} failed${err.code ? ` (${err.code})` : ""}: ${detail}`,
    retryable,
    undefined,
    { cause: err },
  );
}
