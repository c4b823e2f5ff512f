import { SESv2Client, SESv2ServiceException, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { isRetryableStatus } from "@leadmetrics/provider-core";
import { z } from "zod";
import { type EmailProvider, EmailSendError, IDEMPOTENCY_HEADER, validateEmailMessage } from "./email-provider";

export const sesEmailProviderOptionsSchema = z.object({
  region: z.string().min(1),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  /** Defaults to the region's SES endpoint; point it at a local fake in tests. */
  endpoint: z.url().optional(),
  timeoutMs: z.number().int().positive().default(30_000),
});
export type SesEmailProviderOptions = z.input<typeof sesEmailProviderOptionsSchema>;

/** SES error names that mean "slow down / try later", whatever the status. */
const RETRYABLE_NAMES = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "Throttling",
  "InternalServiceErrorException",
  "ServiceUnavailable",
  "RequestTimeout",
]);

export function createSesEmailProvider(options: SesEmailProviderOptions): EmailProvider {
  const opts = sesEmailProviderOptionsSchema.parse(options);
  const client = new SESv2Client({
    region: opts.region,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    // One attempt: the delivery queue owns retries (with backoff and a dead-letter), and SDK
    // retries underneath would multiply them.
    maxAttempts: 1,
  });

  return {
    name: "ses",
    async send(message) {
      const m = validateEmailMessage(message);
      const command = new SendEmailCommand({
        FromEmailAddress: m.from,
        Destination: { ToAddresses: [m.to] },
        ...(m.replyTo ? { ReplyToAddresses: [m.replyTo] } : {}),
        Content: {
          Simple: {
            Subject: { Data: m.subject, Charset: "UTF-8" },
            Body: { Html: { Data: m.html, Charset: "UTF-8" }, Text: { Data: m.text, Charset: "UTF-8" } },
            ...(m.idempotencyKey ? { Headers: [{ Name: IDEMPOTENCY_HEADER, Value: m.idempotencyKey }] } : {}),
          },
        },
      });
      try {
        const out = await client.send(command, { abortSignal: AbortSignal.timeout(opts.timeoutMs) });
        return { messageId: out.MessageId ?? "" };
      } catch (err) {
        throw toEmailSendError(err);
      }
    },
    async close() {
      client.destroy();
    },
  };
}

function toEmailSendError(err: unknown): EmailSendError {
  if (err instanceof SESv2ServiceException) {
    const status = err.$metadata.httpStatusCode;
    const retryable =
      Boolean(err.$retryable) || RETRYABLE_NAMES.has(err.name) || (status !== undefined && isRetryableStatus(status));
    return new EmailSendError(`SES answered ${status ?? "?"} ${err.name}: ${err.message}`, retryable, status, {
      cause: err,
    });
  }
  // No service answer: connection refused, DNS, timeout. (Credentials are given explicitly, so
  // a credential-provider failure cannot happen here.)
  const e = err as Error & { code?: string };
  return new EmailSendError(`SES is unreachable${e.code ? ` (${e.code})` : ""}: ${e.message}`, true, undefined, {
    cause: err,
  });
}
