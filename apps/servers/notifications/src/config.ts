import { env, z } from "@leadmetrics/config";

const list = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

export const notificationsConfigSchema = z.object({
  ...env.base,
  ...env.database,
  ...env.redis,
  ...env.workerMetrics,
  ...env.telemetry,
  /** Port of GET /metrics and GET /health/live (0 = any free port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9465),
  QUEUE_PREFIX: z.string().default("bull"),
  EMAIL_PROVIDER: z.enum(["smtp", "sendgrid", "ses", "none"]).default("smtp"),
  EMAIL_FROM: z.string().default("Leadmetrics <no-reply@leadmetrics.local>"),
  SMTP_URL: z.string().default("smtp://127.0.0.1:1025"),
  SENDGRID_API_KEY: z.string().optional(),
  SENDGRID_BASE_URL: z.url().optional(),
  SES_REGION: z.string().default("us-east-1"),
  SES_ACCESS_KEY_ID: z.string().optional(),
  SES_SECRET_ACCESS_KEY: z.string().optional(),
  SES_ENDPOINT: z.url().optional(),
  /** When set, only these domains (and their subdomains) receive email; others are logged and skipped. */
  DEV_ALLOWED_EMAIL_DOMAINS: list,
  /** Operators: where "job failed for good" goes. Comma list. */
  ALERTS_EMAIL: list.pipe(z.array(z.email())).default(["ops@leadmetrics.local"]),
  /**
   * How long the first "draft waiting for review" email of a recipient waits for others, so that
   * one email lists them all (ms; 5 min). 0 sends each one at once.
   */
  NOTIFICATION_DIGEST_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60_000)
    .default(5 * 60_000),
  DASHBOARD_URL: z.url().default("http://localhost:3000"),
  DM_URL: z.url().default("http://localhost:3002"),
  FCM_PROJECT_ID: z.string().optional(),
  FCM_CLIENT_EMAIL: z.string().optional(),
  FCM_PRIVATE_KEY: z.string().optional(),
  FCM_API_BASE_URL: z.url().optional(),
  FCM_TOKEN_URL: z.url().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_BASE_URL: z.url().optional(),
  TELEGRAM_BOT_TOKEN: z.string().optional(),
  TELEGRAM_BASE_URL: z.url().optional(),
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema>;
