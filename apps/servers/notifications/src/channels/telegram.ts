import type { Send } from "../channel-worker";
import type { Senders } from "../senders";

/** The short message to the user's linked Telegram chat. */
export const sendTelegram =
  (telegram: Senders["telegram"]): Send =>
  async (_ctx, to, r) => {
    if (!telegram) return { status: "skipped", note: "no Telegram bot configured" };
    if (!to.telegramChatId) return { status: "skipped", note: "no Telegram chat linked" };
    return {
      status: "sent",
      messageId: (await telegram.send({ chatId: to.telegramChatId, text: r.short })).messageId,
    };
  };
