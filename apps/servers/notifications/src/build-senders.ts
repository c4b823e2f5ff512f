import { createEmailProvider } from "@leadmetrics/provider-email";
import { createFcmPushProvider } from "@leadmetrics/provider-push";
import { createTelegramProvider } from "@leadmetrics/provider-telegram";
import { createWhatsAppProvider } from "@leadmetrics/provider-whatsapp";
import type { NotificationsConfig } from "./config";
import type { Senders } from "./senders";

/** The providers the configuration names; a channel without one is skipped (and says so). */
export function buildSenders(c: NotificationsConfig): Senders {
  const senders: Senders = {};
  if (c.EMAIL_PROVIDER === "smtp")
    senders.email = createEmailProvider({ EMAIL_PROVIDER: "smtp", SMTP_URL: c.SMTP_URL });
  if (c.EMAIL_PROVIDER === "sendgrid")
    senders.email = createEmailProvider({
      EMAIL_PROVIDER: "sendgrid",
      SENDGRID_API_KEY: c.SENDGRID_API_KEY ?? "",
      SENDGRID_BASE_URL: c.SENDGRID_BASE_URL,
    });
  if (c.EMAIL_PROVIDER === "ses") {
    senders.email = createEmailProvider({
      EMAIL_PROVIDER: "ses",
      SES_REGION: c.SES_REGION,
      SES_ACCESS_KEY_ID: c.SES_ACCESS_KEY_ID ?? "",
      SES_SECRET_ACCESS_KEY: c.SES_SECRET_ACCESS_KEY ?? "",
      SES_ENDPOINT: c.SES_ENDPOINT,
    });
  }
  if (c.FCM_PROJECT_ID && c.FCM_CLIENT_EMAIL && c.FCM_PRIVATE_KEY) {
    senders.push = createFcmPushProvider({
      projectId: c.FCM_PROJECT_ID,
      clientEmail: c.FCM_CLIENT_EMAIL,
      privateKey: c.FCM_PRIVATE_KEY,
      apiBaseUrl: c.FCM_API_BASE_URL,
      tokenUrl: c.FCM_TOKEN_URL,
    });
  }
  if (c.WHATSAPP_ACCESS_TOKEN && c.WHATSAPP_PHONE_NUMBER_ID) {
    senders.whatsapp = createWhatsAppProvider({
      accessToken: c.WHATSAPP_ACCESS_TOKEN,
      phoneNumberId: c.WHATSAPP_PHONE_NUMBER_ID,
      baseUrl: c.WHATSAPP_BASE_URL,
    });
  }
  if (c.TELEGRAM_BOT_TOKEN)
    senders.telegram = createTelegramProvider({ botToken: c.TELEGRAM_BOT_TOKEN, baseUrl: c.TELEGRAM_BASE_URL });
  return senders;
}
