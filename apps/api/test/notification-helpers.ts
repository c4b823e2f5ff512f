import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { createDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { startMailSink } from "@leadmetrics/mail-sink";
import { createSmtpEmailProvider } from "@leadmetrics/provider-email";
import { notificationsConfigSchema } from "@leadmetrics/server-notifications/config";
import { startNotificationsServer } from "@leadmetrics/server-notifications/server";
import { eventually } from "@leadmetrics/testing";
import type { TestApp } from "./helpers";

/**
 * The notifications server in this process, sending real SMTP to a local mail sink. Emails go
 * out at once (no digest window) unless `env` sets NOTIFICATION_DIGEST_WINDOW_MS.
 */
export async function startTestNotifications(t: TestApp, env: Record<string, string> = {}) {
  const sink = await startMailSink({ smtpPort: 0, httpPort: 0 });
  const config = loadConfig(notificationsConfigSchema, {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: t.config.DATABASE_URL,
    REDIS_URL: t.config.REDIS_URL,
    SMTP_URL: sink.smtpUrl,
    DEV_ALLOWED_EMAIL_DOMAINS: "leadmetrics.local,acme.test",
    ALERTS_EMAIL: "ops@leadmetrics.local",
    NOTIFICATION_DIGEST_WINDOW_MS: "0",
    ...env,
  });
  const db = createDb({ url: config.DATABASE_URL, poolMax: 4 });
  const email = createSmtpEmailProvider({ url: sink.smtpUrl });
  const server = startNotificationsServer(config, {
    db,
    logger: createLogger({
      service: "notifications-test",
      level: "warn",
      destination: new Writable({ write: (_c, _e, cb) => cb() }),
    }),
    redis: t.redis,
    senders: { email },
    prefix: t.queuePrefix,
  });
  const mailsTo = (address: string, subject?: RegExp) =>
    sink
      .messages()
      .filter((m) => JSON.stringify(m.to).includes(address) && (!subject || subject.test(m.subject ?? "")));
  return {
    sink,
    server,
    mailsTo,
    /** Waits for the newest email to `address` matching `subject` and returns the token of its link. */
    async tokenFromEmail(address: string, subject: RegExp, after = 0): Promise<string> {
      const mail = await eventually(async () => mailsTo(address, subject)[after]);
      return decodeURIComponent(/token=([^"&\s]+)/.exec(mail.text ?? "")![1]!);
    },
    async close() {
      await server.close();
      await email.close?.();
      await db.$disconnect();
      await sink.close();
    },
  };
}
