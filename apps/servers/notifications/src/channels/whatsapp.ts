import type { Send } from "../channel-worker";
import type { Senders } from "../senders";

/** The short message to the user's WhatsApp number. */
export const sendWhatsApp =
  (whatsapp: Senders["whatsapp"]): Send =>
  async (_ctx, to, r) => {
    if (!whatsapp) return { status: "skipped", note: "no WhatsApp provider configured" };
    if (!to.whatsappNumber) return { status: "skipped", note: "no WhatsApp number" };
    return { status: "sent", messageId: (await whatsapp.send({ to: to.whatsappNumber, text: r.short })).messageId };
  };
