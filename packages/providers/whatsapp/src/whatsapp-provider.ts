import { callHttp, isRetryableStatus, ProviderError, parseRetryAfter } from "@leadmetrics/provider-core";
import { z } from "zod";

export const whatsAppProviderOptionsSchema = z.object({
  accessToken: z.string().min(1),
  phoneNumberId: z.string().min(1),
  baseUrl: z.url().default("https://graph.facebook.com/v21.0"),
  timeoutMs: z.number().int().positive().optional(),
});
export type WhatsAppProviderOptions = z.input<typeof whatsAppProviderOptionsSchema>;

export const whatsAppMessageSchema = z.object({
  /** The recipient's phone number in international format (E.164, with or without the +). */
  to: z.string().regex(/^\+?[1-9]\d{6,14}$/, "must be an international phone number (E.164)"),
  /** WhatsApp caps a text body at 4096 characters. */
  text: z.string().min(1).max(4096),
});
export type WhatsAppMessage = z.input<typeof whatsAppMessageSchema>;

export class WhatsAppSendError extends ProviderError {
  /** The Graph API error code (e.g. 131047 outside the 24-hour window, 130429 rate limited). */
  readonly code?: number;

  constructor(
    message: string,
    retryable: boolean,
    status?: number,
    options: { retryAfterMs?: number; cause?: unknown; code?: number } = {},
  ) {
    super(message, retryable, status, options);
    this.name = "WhatsAppSendError";
    if (options.code !== undefined) this.code = options.code;
  }
}

/**
 * Graph error codes that are temporary whatever the HTTP status: Graph often answers 400 for a
 * rate limit. 1/2 unknown/temporary API error, 4/80007/130429 rate limits, 131000 "something
 * went wrong", 131016 service unavailable, 131048 spam rate limit, 131056 pair rate limit,
 * 133004 server temporarily unavailable.
 */
const RETRYABLE_GRAPH_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

const successSchema = z.object({ messages: z.array(z.object({ id: z.string() })).min(1) });
const graphErrorSchema = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    type: z.string().optional(),
  }),
});

export interface WhatsAppProvider {
  readonly name: "whatsapp";
  send(message: WhatsAppMessage, opts?: { signal?: AbortSignal }): Promise<{ messageId: string }>;
}

/** WhatsApp Business Cloud API: a free-form text message from one business phone number. */
export function createWhatsAppProvider(options: WhatsAppProviderOptions): WhatsAppProvider {
  const opts = whatsAppProviderOptionsSchema.parse(options);
  const endpoint = `${opts.baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(opts.phoneNumberId)}/messages`;

  return {
    name: "whatsapp",
    async send(message, callOpts = {}) {
      const parsed = whatsAppMessageSchema.safeParse(message);
      if (!parsed.success)
        throw new WhatsAppSendError(`Invalid WhatsApp message: ${z.prettifyError(parsed.error)}`, false);
      const res = await callHttp(
        endpoint,
        {
          method: "POST",
          headers: {
            authorization: `Bearer ${opts.accessToken}`,
            "content-type": "application/json",
            accept: "application/json",
          },
          body: JSON.stringify({
            messaging_product: "whatsapp",
            recipient_type: "individual",
            // The API wants digits only; people type numbers with a +.
            to: parsed.data.to.replace(/^\+/, ""),
            type: "text",
            text: { body: parsed.data.text },
          }),
        },
        {
          timeoutMs: opts.timeoutMs,
          signal: callOpts.signal,
          what: "WhatsApp Cloud API",
          makeError: (...a) => new WhatsAppSendError(...a),
        },
      );
      const ok = successSchema.safeParse(res.json);
      if (res.ok && ok.success) return { messageId: ok.data.messages[0]!.id };

      const graph = graphErrorSchema.safeParse(res.json);
      const code = graph.success ? graph.data.error.code : undefined;
      const description =
        (graph.success ? graph.data.error.message : undefined) ?? (res.text.slice(0, 200) || `HTTP ${res.status}`);
      const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"));
      throw new WhatsAppSendError(
        `WhatsApp answered ${res.status}${code !== undefined ? ` (code ${code})` : ""}: ${description}`,
        res.ok || isRetryableStatus(res.status) || (code !== undefined && RETRYABLE_GRAPH_CODES.has(code)),
        res.status,
        { ...(code !== undefined ? { code } : {}), ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) },
      );
    },
  };
}
