import { z } from "zod";
import type { EmailProvider } from "./email-provider";
import { createSendGridEmailProvider } from "./sendgrid-provider";
import { createSesEmailProvider } from "./ses-provider";
import { createSmtpEmailProvider } from "./smtp-provider";

/**
 * The environment variables that choose and configure the email provider, as a zod schema a
 * process can compose with its own (`loadConfig`). EMAIL_PROVIDER picks the branch; each branch
 * names only its own settings.
 */
export const emailProviderEnvSchema = z.discriminatedUnion("EMAIL_PROVIDER", [
  z.object({
    EMAIL_PROVIDER: z.literal("smtp"),
    /** e.g. the local mail sink: smtp://127.0.0.1:1025 */
    SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  }),
  z.object({
    EMAIL_PROVIDER: z.literal("sendgrid"),
    SENDGRID_API_KEY: z.string().min(1),
    SENDGRID_BASE_URL: z.url().optional(),
  }),
  z.object({
    EMAIL_PROVIDER: z.literal("ses"),
    SES_REGION: z.string().min(1),
    SES_ACCESS_KEY_ID: z.string().min(1),
    SES_SECRET_ACCESS_KEY: z.string().min(1),
    SES_ENDPOINT: z.url().optional(),
  }),
]);
export type EmailProviderConfig = z.input<typeof emailProviderEnvSchema>;

/** Builds the provider EMAIL_PROVIDER names, with its settings. */
export function createEmailProvider(config: EmailProviderConfig): EmailProvider {
  const c = emailProviderEnvSchema.parse(config);
  switch (c.EMAIL_PROVIDER) {
    case "smtp":
      return createSmtpEmailProvider({ url: c.SMTP_URL });
    case "sendgrid":
      return createSendGridEmailProvider({
        apiKey: c.SENDGRID_API_KEY,
        ...(c.SENDGRID_BASE_URL ? { baseUrl: c.SENDGRID_BASE_URL } : {}),
      });
    case "ses":
      return createSesEmailProvider({
        region: c.SES_REGION,
        accessKeyId: c.SES_ACCESS_KEY_ID,
        secretAccessKey: c.SES_SECRET_ACCESS_KEY,
        ...(c.SES_ENDPOINT ? { endpoint: c.SES_ENDPOINT } : {}),
      });
  }
}
