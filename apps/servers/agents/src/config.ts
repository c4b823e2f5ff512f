import { env, z } from "@leadmetrics/config";
import { AGENT_ROLES } from "@leadmetrics/queue";

export const agentsConfigSchema = z.object({
  ...env.base,
  ...env.database,
  ...env.redis,
  ...env.workerMetrics,
  ...env.telemetry,
  /** Port of GET /metrics and GET /health/live (0 = any free port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  ...env.secrets,
  ...env.channels,
  ...env.social,
  ...env.agents,
  /**
   * Which roles this process runs: LLM-heavy and light roles can live in separate processes, so a
   * writer that runs out of memory never stops publishing.
   */
  AGENT_ROLES: z
    .string()
    .default(AGENT_ROLES.join(","))
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(AGENT_ROLES)).min(1)),
  /** Overrides of every role's lock (crash tests use seconds, production minutes). */
  AGENT_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).optional(),
  AGENT_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).optional(),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** An activity in drafting (or approved) this long with no live job is enqueued again. */
  RECONCILE_STUCK_AFTER_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .default(10 * 60_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
  QUEUE_PREFIX: z.string().default("bull"),
});

export type AgentsConfig = z.infer<typeof agentsConfigSchema>;
