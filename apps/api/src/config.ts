import { env, z } from "@leadmetrics/config";

export const apiConfigSchema = z.object({
  ...env.base,
  ...env.database,
  ...env.redis,
  ...env.auth,
  ...env.api,
});

export type ApiConfig = z.infer<typeof apiConfigSchema>;
