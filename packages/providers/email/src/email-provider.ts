import { ProviderError } from "@leadmetrics/provider-core";
import { z } from "zod";

export interface EmailMessage {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string;
  /** stable per logical message; sent as a header/custom arg so a provider can dedupe */
  idempotencyKey?: string;
}

export interface EmailProvider {
  readonly name: "smtp" | "sendgrid" | "ses";
  send(message: EmailMessage): Promise<{ messageId: string }>;
  /** Releases pooled connections; call once when the process stops. */
  close?(): Promise<void>;
}

/** `retryable`: the same message may go through later (throttling, 4xx SMTP, 5xx, network). */
export class EmailSendError extends ProviderError {
  constructor(
    message: string,
    retryable: boolean,
    status?: number,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, retryable, status, options);
    this.name = "EmailSendError";
  }
}

/** A line break in a header field would let a value inject extra headers (or recipients). */
const headerValue = z
  .string()
  .min(1)
  .refine((v) => !/[\r\n]/.test(v), "must not contain line breaks");

export const emailMessageSchema = z.object({
  to: headerValue,
  from: headerValue,
  subject: z.string().refine((v) => !/[\r\n]/.test(v), "must not contain line breaks"),
  html: z.string(),
  text: z.string(),
  replyTo: headerValue.optional(),
  idempotencyKey: headerValue.max(200).optional(),
});

/** The header every provider carries the idempotency key in, so the receiving side can dedupe. */
export const IDEMPOTENCY_HEADER = "X-Idempotency-Key";

/** Checks a message before any provider call; a malformed one is never retryable. */
export function validateEmailMessage(message: EmailMessage): EmailMessage {
  const parsed = emailMessageSchema.safeParse(message);
  if (!parsed.success) throw new EmailSendError(`Invalid email message: ${z.prettifyError(parsed.error)}`, false);
  return parsed.data;
}
