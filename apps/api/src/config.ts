import { env, z } from "@leadmetrics/config";

export const apiConfigSchema = z.object({
  ...env.base,
  ...env.database,
  ...env.redis,
  ...env.auth,
  ...env.api,
  ...env.secrets,
  ...env.channels,
  ...env.social,
  ...env.telemetry,
  ...env.storage,
  /** BullMQ key prefix (tests isolate files with it). */
  QUEUE_PREFIX: z.string().default("bull"),
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
