/** Every long-running process `./dev start` runs. Later issues add workers and portals here. */
export interface DevProcess {
  name: string;
  cwd: string;
  command: string[];
  /** A URL printed in the banner, when the process serves one. */
  url?: (env: Record<string, string>) => string;
  /** Polled until it answers 2xx before the banner is printed. */
  readyUrl?: (env: Record<string, string>) => string;
  /** Variables of this process alone (e.g. its own metrics port). */
  env?: (env: Record<string, string>) => Record<string, string>;
}

/** Each worker server serves GET /metrics (METRICS_TOKEN) and /health/live on a port of its own. */
const metricsPort = (env: Record<string, string>, name: "AGENTS" | "NOTIFICATIONS", fallback: string) =>
  env[`DEV_${name}_METRICS_PORT`] ?? fallback;

export const DEV_PROCESSES: DevProcess[] = [
  {
    name: "api",
    cwd: "apps/api",
    command: ["node", "--import", "tsx", "src/index.ts"],
    url: (env) => `http://localhost:${env.API_PORT ?? "3003"}`,
    readyUrl: (env) => `http://127.0.0.1:${env.API_PORT ?? "3003"}/health/live`,
  },
  {
    name: "agents",
    cwd: "apps/servers/agents",
    command: ["node", "--import", "tsx", "src/index.ts"],
    env: (env) => ({ METRICS_PORT: metricsPort(env, "AGENTS", "9464") }),
    url: (env) => `http://localhost:${metricsPort(env, "AGENTS", "9464")}/metrics`,
    readyUrl: (env) => `http://127.0.0.1:${metricsPort(env, "AGENTS", "9464")}/health/live`,
  },
  {
    name: "dashboard",
    cwd: "apps/dashboard",
    command: ["node", "../../node_modules/next/dist/bin/next", "dev", "-p", "3000"],
    url: () => "http://localhost:3000",
  },
  {
    name: "manage",
    cwd: "apps/manage",
    command: ["node", "../../node_modules/next/dist/bin/next", "dev", "-p", "3001"],
    url: () => "http://localhost:3001",
  },
  {
    name: "dm",
    cwd: "apps/dm",
    command: ["node", "../../node_modules/next/dist/bin/next", "dev", "-p", "3002"],
    url: () => "http://localhost:3002",
  },
  {
    name: "notifications",
    cwd: "apps/servers/notifications",
    command: ["node", "--import", "tsx", "src/index.ts"],
    env: (env) => ({ METRICS_PORT: metricsPort(env, "NOTIFICATIONS", "9465") }),
    url: (env) => `http://localhost:${metricsPort(env, "NOTIFICATIONS", "9465")}/metrics`,
    readyUrl: (env) => `http://127.0.0.1:${metricsPort(env, "NOTIFICATIONS", "9465")}/health/live`,
  },
];
