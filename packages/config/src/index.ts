import { z } from "zod";

/** Thrown at start when the environment does not satisfy a process's schema. */
export class ConfigError extends Error {
  constructor(readonly issues: { variable: string; problem: string }[]) {
    super(
      `Invalid environment:\n${issues.map((i) => `  - ${i.variable}: ${i.problem}`).join("\n")}\n` +
        "See .env.example for every variable and a safe development default.",
    );
    this.name = "ConfigError";
  }
}

/** Validates `env` against `schema`; the error names each missing or malformed variable. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.join(".") || "(environment)",
      problem: issue.code === "invalid_type" && issue.input === undefined ? "is required but not set" : issue.message,
    })),
  );
}

/** Fail fast for a process entry point: print the problem and exit non-zero. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, service: string): z.infer<S> {
  try {
    return loadConfig(schema);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`[${service}] ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean),
);

const secret = z.string().min(32, "must be at least 32 characters");

const channelKey = z.base64().refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded");

/** Bearer token Prometheus scrapes /metrics with; unset = no /metrics route at all. */
const metricsToken = z.string().min(16, "must be at least 16 characters").optional();

/** Fragments: each process composes the ones it needs. */
export const env = {
  base: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    LOG_FORMAT: z.enum(["json", "pretty"]).default("json"),
  },
  database: {
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  },
  redis: {
    REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  },
  auth: {
    JWT_SECRET: secret,
    /** The previous secret, accepted for verification only while a rotation is under way. */
    JWT_SECRET_PREVIOUS: secret.optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(3_600)
      .default(7 * 86_400),
    COOKIE_SECURE: bool.default(true),
    COOKIE_DOMAIN: z.string().optional(),
  },
  /** The key that seals channel credentials at rest (AES-256-GCM): 32 bytes, base64. */
  secrets: {
    CHANNEL_SECRETS_KEY: channelKey,
    /**
     * Keys being rotated out, comma-separated: they still open what they sealed until
     * `pnpm secrets:reseal` has sealed everything again under CHANNEL_SECRETS_KEY.
     */
    CHANNEL_SECRETS_PREVIOUS_KEYS: list.pipe(z.array(channelKey)).default([]),
  },
  /** Channels are tenants' own sites: the API and the publisher call them. */
  channels: {
    /** Let channels live on private or loopback addresses (tests, a local WordPress); never in production. */
    ALLOW_PRIVATE_CHANNEL_URLS: bool.default(false),
  },
  /**
   * Social networks (the API connects accounts; the publisher posts). A network without its app
   * keys is not offered. `*_BASE_URL` replaces every host of the network with one origin: a local
   * server speaking its wire format (./dev start, tests); unset in production.
   */
  social: {
    /** The Dashboard's OAuth callback page: register it as the redirect URL of every network's app. */
    SOCIAL_REDIRECT_URL: z.url().default("http://localhost:3000/channels/oauth/callback"),
    /** The API's public origin: networks fetch a post's images from signed links there. */
    MEDIA_PUBLIC_URL: z.url().default("http://localhost:3003"),
    LINKEDIN_CLIENT_ID: z.string().optional(),
    LINKEDIN_CLIENT_SECRET: z.string().optional(),
    LINKEDIN_BASE_URL: z.url().optional(),
    /** One Meta app publishes to Facebook Pages and Instagram business accounts. */
    META_APP_ID: z.string().optional(),
    META_APP_SECRET: z.string().optional(),
    META_BASE_URL: z.url().optional(),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    GOOGLE_BASE_URL: z.url().optional(),
    X_CLIENT_ID: z.string().optional(),
    X_CLIENT_SECRET: z.string().optional(),
    X_BASE_URL: z.url().optional(),
  },
  agents: {
    AGENT_DEFAULT_ADAPTER: z.enum(["offline", "anthropic", "openai", "gemini", "claude-cli"]).default("offline"),
    AGENT_DEFAULT_MODEL: z.string().default("offline"),
    AGENT_DEFAULT_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.7),
    ANTHROPIC_API_KEY: z.string().optional(),
    ANTHROPIC_BASE_URL: z.url().optional(),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_BASE_URL: z.url().optional(),
    GEMINI_API_KEY: z.string().optional(),
    GEMINI_BASE_URL: z.url().optional(),
    CLAUDE_CLI_PATH: z.string().optional(),
    LLM_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(5 * 60_000),
    OFFLINE_ADAPTER_DELAY_MS: z.coerce.number().int().min(0).default(0),
  },
  api: {
    API_HOST: z.string().default("0.0.0.0"),
    API_PORT: z.coerce.number().int().min(1).max(65_535).default(3003),
    CORS_ORIGINS: list.default([]),
    /** Fastify `trustProxy`: false, true, a hop count, or a comma list of addresses/CIDRs. */
    TRUST_PROXY: z.string().default("false"),
    RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(300),
    /** Logins per minute per client address (the per-email lockout applies regardless). */
    LOGIN_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(10),
    /** Credits a self-registered workspace starts with, so its first plan runs (0 = none). */
    SIGNUP_CREDITS: z.coerce.number().int().min(0).max(1_000_000).default(100),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
    PUBLIC_DOCS: bool.default(true),
    METRICS_TOKEN: metricsToken,
  },
  /** A worker server's metrics endpoint (each server adds its own METRICS_PORT default). */
  workerMetrics: {
    METRICS_TOKEN: metricsToken,
    METRICS_HOST: z.string().default("0.0.0.0"),
  },
  /** OpenTelemetry tracing: on only when an OTLP/HTTP endpoint is given. */
  telemetry: {
    /** e.g. http://127.0.0.1:4318 (spans go to {endpoint}/v1/traces); empty = tracing off. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z
      .string()
      .default("")
      .transform((v) => v.trim() || undefined)
      .pipe(z.url({ protocol: /^https?$/ }).optional()),
    /** Overrides the service name spans are reported under (default: the process's name). */
    OTEL_SERVICE_NAME: z.string().optional(),
  },
  /** Object storage (uploaded media). The local-disk driver keeps objects under STORAGE_DIR. */
  storage: {
    STORAGE_DIR: z.string().min(1).default(".data/storage"),
    /** Largest accepted upload per file, in bytes (10 MB). */
    MEDIA_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(100 * 1024 * 1024)
      .default(10 * 1024 * 1024),
  },
} as const;

export const schemaOf = <T extends z.ZodRawShape>(shape: T) => z.object(shape);
export { z };
