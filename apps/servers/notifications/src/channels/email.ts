import type { Send } from "../channel-worker";
import type { NotificationsConfig } from "../config";
import type { Senders } from "../senders";

/** Whether DEV_ALLOWED_EMAIL_DOMAINS (when set) lets this address receive email. */
const allowedBy = (domains: string[], email: string) => {
  if (domains.length === 0) return true;
  const domain = email.split("@")[1]?.toLowerCase() ?? "";
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
};

/** The full email (subject, HTML and text), once per message and address. */
export const sendEmail =
  (email: Senders["email"], config: Pick<NotificationsConfig, "EMAIL_FROM" | "DEV_ALLOWED_EMAIL_DOMAINS">): Send =>
  async ({ payload }, to, r) => {
    if (!email) return { status: "skipped", note: "no email provider configured" };
    if (!allowedBy(config.DEV_ALLOWED_EMAIL_DOMAINS, to.email))
      return { status: "skipped", note: `${to.email} is outside DEV_ALLOWED_EMAIL_DOMAINS` };
    const sent = await email.send({
      to: to.email,
      from: config.EMAIL_FROM,
      subject: r.subject,
      html: r.html,
      text: r.text,
      idempotencyKey: `${payload.dedupeKey}:${to.email}`,
    });
    return { status: "sent", messageId: sent.messageId };
  };
