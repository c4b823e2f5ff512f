import path from "node:path";
import { freePorts } from "@leadmetrics/local-services";

/**
 * What the end-to-end stack runs, apart from starting it: the ports it binds and each process with
 * its command and variables. Every port comes from the free-port picker, never from a default, so
 * the suite runs while `./dev start` holds 3000-3003, 8025, 9464, 9465 and the rest.
 */

export interface StackPorts {
  api: number;
  dashboard: number;
  dm: number;
  manage: number;
  /** GET /metrics and /health/live of each worker server (their own default is a fixed port). */
  agentsMetrics: number;
  notificationsMetrics: number;
}

/** Six distinct ports that are free right now. */
export async function pickStackPorts(): Promise<StackPorts> {
  const [api, dashboard, dm, manage, agentsMetrics, notificationsMetrics] = await freePorts(6);
  return {
    api: api!,
    dashboard: dashboard!,
    dm: dm!,
    manage: manage!,
    agentsMetrics: agentsMetrics!,
    notificationsMetrics: notificationsMetrics!,
  };
}

/** The services the stack's processes use, started before them. */
export interface StackServices {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  jwtSecret: string;
  channelSecretsKey: string;
  /** The social networks' app keys and base URLs (the sandbox's); none: no network is offered. */
  social?: Record<string, string>;
}

export interface StackProcess {
  name: "api" | "agents" | "notifications" | "dashboard" | "dm" | "manage";
  /** Absolute working directory. */
  cwd: string;
  command: string[];
  /** The stack's own variables (the caller adds its process.env underneath). */
  env: Record<string, string>;
  /** The port it listens on (the portals and the API serve on it; the worker servers their metrics). */
  port: number;
  /** Answers below 500 once the process is ready. */
  readyUrl: string;
}

const local = (port: number) => `http://127.0.0.1:${port}`;

export function stackProcesses(root: string, ports: StackPorts, services: StackServices): StackProcess[] {
  const api = local(ports.api);
  const shared: Record<string, string> = {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    JWT_SECRET: services.jwtSecret,
    CHANNEL_SECRETS_KEY: services.channelSecretsKey,
    ALLOW_PRIVATE_CHANNEL_URLS: "true",
    COOKIE_SECURE: "false",
    API_HOST: "127.0.0.1",
    API_PORT: String(ports.api),
    API_URL: api,
    PUBLIC_API_URL: api,
    CORS_ORIGINS: [ports.dashboard, ports.dm, ports.manage].map(local).join(","),
    RATE_LIMIT_MAX: "100000",
    // Every browser of the suite signs in from this one machine.
    LOGIN_RATE_LIMIT_MAX: "1000",
    OFFLINE_ADAPTER_DELAY_MS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    // The worker servers bind where the picker looked.
    METRICS_HOST: "127.0.0.1",
    ...services.social,
    SOCIAL_REDIRECT_URL: `${local(ports.dashboard)}/channels/oauth/callback`,
    MEDIA_PUBLIC_URL: api,
  };
  // As production runs them: the bundle `buildServers()` (scripts/build/server.ts) wrote.
  const server = (cwd: string) => ({
    cwd: path.join(root, cwd),
    command: ["node", "dist/index.js"],
  });
  const next = path.join(root, "node_modules/.bin/next");
  const portal = (name: "dashboard" | "dm" | "manage", port: number): StackProcess => ({
    name,
    cwd: path.join(root, "apps", name),
    command: [next, "start", "-p", String(port), "-H", "127.0.0.1"],
    // Manage links an activity to its review page in this stack's DM.
    env: { ...shared, DM_URL: local(ports.dm) },
    port,
    readyUrl: `${local(port)}/login`,
  });
  return [
    { name: "api", ...server("apps/api"), env: shared, port: ports.api, readyUrl: `${api}/health/ready` },
    {
      name: "agents",
      ...server("apps/servers/agents"),
      env: { ...shared, METRICS_PORT: String(ports.agentsMetrics) },
      port: ports.agentsMetrics,
      readyUrl: `${local(ports.agentsMetrics)}/health/live`,
    },
    {
      name: "notifications",
      ...server("apps/servers/notifications"),
      env: {
        ...shared,
        METRICS_PORT: String(ports.notificationsMetrics),
        EMAIL_PROVIDER: "smtp",
        SMTP_URL: services.smtpUrl,
        DEV_ALLOWED_EMAIL_DOMAINS: "leadmetrics.local",
        // Links in emails open this stack's portals.
        DASHBOARD_URL: local(ports.dashboard),
        DM_URL: local(ports.dm),
      },
      port: ports.notificationsMetrics,
      readyUrl: `${local(ports.notificationsMetrics)}/health/live`,
    },
    portal("dashboard", ports.dashboard),
    portal("dm", ports.dm),
    portal("manage", ports.manage),
  ];
}

/** Polls `url` until it answers below 500; fails at once when `exited` settles first (the process died). */
export async function waitForReady(url: string, exited: Promise<string>, timeoutMs = 90_000): Promise<void> {
  let died: string | undefined;
  void exited.then((why) => {
    died = why;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (died) throw new Error(`${url}: the process exited before it was ready (${died})`);
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
