import { callHttp, isRetryableStatus, ProviderError, parseRetryAfter } from "@leadmetrics/provider-core";
import { z } from "zod";

export const telegramProviderOptionsSchema = z.object({
  botToken: z.string().min(1),
  baseUrl: z.url().default("https://api.telegram.org"),
  timeoutMs: z.number().int().positive().optional(),
});
export type TelegramProviderOptions = z.input<typeof telegramProviderOptionsSchema>;

/** Telegram refuses texts over 4096 characters: check before spending a request on it. */
export const telegramMessageSchema = z.object({
  chatId: z.union([z.string().min(1), z.number().int()]),
  text: z.string().min(1).max(4096),
  parseMode: z.literal("HTML").optional(),
});
export type TelegramMessage = z.input<typeof telegramMessageSchema>;

export class TelegramSendError extends ProviderError {
  /** Set when a group became a supergroup: the caller should store this chat id instead. */
  readonly migrateToChatId?: number;

  constructor(
    message: string,
    retryable: boolean,
    status?: number,
    options: { retryAfterMs?: number; cause?: unknown; migrateToChatId?: number } = {},
  ) {
    super(message, retryable, status, options);
    this.name = "TelegramSendError";
    if (options.migrateToChatId !== undefined) this.migrateToChatId = options.migrateToChatId;
  }
}

const okSchema = z.object({ ok: z.literal(true), result: z.object({ message_id: z.number() }) });
const failureSchema = z.object({
  ok: z.literal(false),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() }).optional(),
});

export interface TelegramProvider {
  readonly name: "telegram";
  send(message: TelegramMessage, opts?: { signal?: AbortSignal }): Promise<{ messageId: string }>;
}

/** Telegram Bot API `sendMessage`. */
export function createTelegramProvider(options: TelegramProviderOptions): TelegramProvider {
  const opts = telegramProviderOptionsSchema.parse(options);
  // The token is part of the path: it must never reach a log line or an error message.
  const endpoint = `${opts.baseUrl.replace(/\/+$/, "")}/bot${opts.botToken}/sendMessage`;

  return {
    name: "telegram",
    async send(message, callOpts = {}) {
      const parsed = telegramMessageSchema.safeParse(message);
      if (!parsed.success)
        throw new TelegramSendError(`Invalid Telegram message: ${z.prettifyError(parsed.error)}`, false);
      const { chatId, text, parseMode } = parsed.data;
      const res = await callHttp(
        endpoint,
        {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ chat_id: chatId, text, ...(parseMode ? { parse_mode: parseMode } : {}) }),
        },
        {
          timeoutMs: opts.timeoutMs,
          signal: callOpts.signal,
          what: "Telegram",
          makeError: (...a) => new TelegramSendError(...a),
        },
      );
      const ok = okSchema.safeParse(res.json);
      if (res.ok && ok.success) return { messageId: String(ok.data.result.message_id) };

      const failure = failureSchema.safeParse(res.json);
      const info = failure.success ? failure.data : undefined;
      const status = info?.error_code ?? res.status;
      const retryAfterSeconds = info?.parameters?.retry_after;
      const retryAfterMs =
        retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : parseRetryAfter(res.headers.get("retry-after"));
      const description = info?.description ?? (res.text.slice(0, 200) || `HTTP ${res.status}`);
      throw new TelegramSendError(
        `Telegram answered ${status}: ${description}`,
        // A 2xx without the expected body is a provider hiccup, not our mistake.
        res.ok || isRetryableStatus(status) || isRetryableStatus(res.status),
        status,
        {
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          ...(info?.parameters?.migrate_to_chat_id !== undefined
            ? { migrateToChatId: info.parameters.migrate_to_chat_id }
            : {}),
        },
      );
    },
  };
}
