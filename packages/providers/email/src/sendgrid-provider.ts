import { isRetryableStatus, parseRetryAfter } from "@leadmetrics/provider-core";
import { Client } from "@sendgrid/client";
import { MailService } from "@sendgrid/mail";
import { z } from "zod";
import { type EmailProvider, EmailSendError, IDEMPOTENCY_HEADER, validateEmailMessage } from "./email-provider";

export const sendGridEmailProviderOptionsSchema = z.object({
  apiKey: z.string().min(1),
  /** Defaults to https://api.sendgrid.com; point it at a local fake in tests. */
  baseUrl: z.url().optional(),
  timeoutMs: z.number().int().positive().default(30_000),
});
export type SendGridEmailProviderOptions = z.input<typeof sendGridEmailProviderOptionsSchema>;

/** What @sendgrid/helpers' ResponseError carries (`code` is the HTTP status). */
interface SendGridResponseError extends Error {
  code?: number | string;
  response?: {
    headers?: Record<string, string | undefined>;
    body?: { errors?: Array<{ message?: string; field?: string | null }> } | string;
  };
}

export function createSendGridEmailProvider(options: SendGridEmailProviderOptions): EmailProvider {
  const opts = sendGridEmailProviderOptionsSchema.parse(options);
  // Our own Client and MailService instead of the package's singletons, so two providers (or a
  // test) never share an API key or base URL.
  const client = new Client();
  client.setApiKey(opts.apiKey);
  // After setApiKey: it resets baseUrl to the region's host.
  if (opts.baseUrl) client.setDefaultRequest("baseUrl", `${opts.baseUrl.replace(/\/+$/, "")}/`);
  const mail = new MailService();
  mail.setClient(client);
  mail.setTimeout(opts.timeoutMs);

  return {
    name: "sendgrid",
    async send(message) {
      const m = validateEmailMessage(message);
      try {
        const [response] = await mail.send({
          to: m.to,
          from: m.from,
          subject: m.subject,
          html: m.html,
          text: m.text,
          ...(m.replyTo ? { replyTo: m.replyTo } : {}),
          // custom_args come back on SendGrid's event webhook; the header reaches the recipient.
          ...(m.idempotencyKey
            ? { customArgs: { idempotency_key: m.idempotencyKey }, headers: { [IDEMPOTENCY_HEADER]: m.idempotencyKey } }
            : {}),
        });
        const headers = response.headers as Record<string, string | undefined>;
        return { messageId: headers["x-message-id"] ?? "" };
      } catch (err) {
        throw toEmailSendError(err as SendGridResponseError);
      }
    },
  };
}

function toEmailSendError(err: SendGridResponseError): EmailSendError {
  const status = typeof err.code === "number" ? err.code : undefined;
  if (status === undefined || !err.response) {
    // axios never got an answer: refused connection, DNS, timeout (ECONNABORTED).
    return new EmailSendError(
      `SendGrid is unreachable${typeof err.code === "string" ? ` (${err.code})` : ""}: ${err.message}`,
      true,
      undefined,
      { cause: err },
    );
  }
  const body = err.response.body;
  const details =
    typeof body === "object" && body?.errors?.length
      ? body.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join("; ")
      : err.message;
  const headers = err.response.headers ?? {};
  const retryAfterMs = parseRetryAfter(headers["retry-after"]) ?? rateLimitResetMs(headers["x-ratelimit-reset"]);
  return new EmailSendError(`SendGrid answered ${status}: ${details}`, isRetryableStatus(status), status, {
    cause: err,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

/** SendGrid signals when a rate-limit window reopens as a Unix timestamp in seconds. */
function rateLimitResetMs(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  return Math.max(0, Number(value) * 1000 - Date.now());
}
