import { env, z } from "@leadmetrics/config";

export const apiConfigSchema = z.object({
  ...env.base,
  ...env.database,
  ...env.redis,
  ...env.auth,
  ...env.api,
  ...env.secrets,
  ...env.channels,
  ...env.telemetry,
  ...env.storage,
  /** Portal addresses, for links in emails (reset password, invitations). */
  DASHBOARD_URL: z.url().default("http://localhost:3000"),
  DM_URL: z.url().default("http://localhost:3002"),
  /** BullMQ key prefix (tests isolate files with it). */
  QUEUE_PREFIX: z.string().default("bull"),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
