/** What the channel workers need from each provider (packages/providers/* implement these). */
export interface Senders {
  email?: {
    send(m: {
      to: string;
      from: string;
      subject: string;
      html: string;
      text: string;
      idempotencyKey?: string;
    }): Promise<{ messageId: string }>;
  };
  push?: {
    send(m: {
      token: string;
      title: string;
      body: string;
      data?: Record<string, string>;
    }): Promise<{ messageId: string }>;
  };
  whatsapp?: { send(m: { to: string; text: string }): Promise<{ messageId: string }> };
  telegram?: { send(m: { chatId: string; text: string }): Promise<{ messageId: string }> };
}

/** Providers mark errors that retrying cannot fix with `retryable: false`. */
export const isPermanentProviderError = (err: unknown): boolean =>
  (err as { retryable?: unknown })?.retryable === false;
export const isInvalidPushToken = (err: unknown): boolean => (err as Error)?.name === "PushTokenInvalidError";
