import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, migrate, seedDemo } from "@leadmetrics/db";
import { freePort, startPostgres, startRedis, stopChild } from "@leadmetrics/local-services";
import { startMailSink } from "@leadmetrics/mail-sink";
import { startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function waitFor(url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The whole system on throwaway data: PostgreSQL, Redis, the API, the agents (offline adapter),
 * the portals' production builds, and a local WordPress to publish to.
 */
export default async function globalSetup() {
  const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-e2e-"));
  await chmod(dir, 0o755);
  const pg = await startPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
  const redis = await startRedis({ dataDir: path.join(dir, "redis"), port: await freePort() });
  const databaseUrl = await pg.createDatabase("e2e");
  await migrate(databaseUrl);
  const db = createDb({ url: databaseUrl, poolMax: 2 });
  await seedDemo(db);
  await db.$disconnect();
  const wp = await startFakeWordPress({ username: "acme-editor", applicationPassword: "e2e app password" });
  // Every email the stack sends, readable by the tests (GET /api/messages).
  const mail = await startMailSink({ smtpPort: 0, httpPort: 0 });

  const [apiPort, dashboardPort, dmPort, managePort] = await Promise.all([
    freePort(),
    freePort(),
    freePort(),
    freePort(),
  ]);
  const jwtSecret = randomBytes(32).toString("hex");
  const env = {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    LOG_FORMAT: "json",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    JWT_SECRET: jwtSecret,
    CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
    ALLOW_PRIVATE_CHANNEL_URLS: "true",
    COOKIE_SECURE: "false",
    API_HOST: "127.0.0.1",
    API_PORT: String(apiPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    PUBLIC_API_URL: `http://127.0.0.1:${apiPort}`,
    CORS_ORIGINS: `http://127.0.0.1:${dashboardPort},http://127.0.0.1:${dmPort},http://127.0.0.1:${managePort}`,
    RATE_LIMIT_MAX: "100000",
    // Every browser of the suite signs in from this one machine.
    LOGIN_RATE_LIMIT_MAX: "1000",
    OFFLINE_ADAPTER_DELAY_MS: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const children: ChildProcess[] = [];
  const run = (cwd: string, args: string[], extra: Record<string, string> = {}) => {
    const child = spawn(args[0]!, args.slice(1), {
      cwd: path.join(ROOT, cwd),
      env: { ...env, ...extra },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(child);
  };
  const next = path.join(ROOT, "node_modules/.bin/next");
  run("apps/api", ["node", "--import", "tsx", "src/index.ts"]);
  run("apps/servers/agents", ["node", "--import", "tsx", "src/index.ts"]);
  run("apps/servers/notifications", ["node", "--import", "tsx", "src/index.ts"], {
    EMAIL_PROVIDER: "smtp",
    SMTP_URL: mail.smtpUrl,
    DEV_ALLOWED_EMAIL_DOMAINS: "leadmetrics.local",
    // Links in emails open this stack's portals.
    DASHBOARD_URL: `http://127.0.0.1:${dashboardPort}`,
    DM_URL: `http://127.0.0.1:${dmPort}`,
  });
  run("apps/dashboard", [next, "start", "-p", String(dashboardPort), "-H", "127.0.0.1"]);
  run("apps/dm", [next, "start", "-p", String(dmPort), "-H", "127.0.0.1"]);
  run("apps/manage", [next, "start", "-p", String(managePort), "-H", "127.0.0.1"]);
  await Promise.all([
    waitFor(`${env.API_URL}/health/ready`),
    ...[dashboardPort, dmPort, managePort].map((port) => waitFor(`http://127.0.0.1:${port}/login`)),
  ]);

  Object.assign(process.env, {
    E2E_API_URL: env.API_URL,
    E2E_DASHBOARD_URL: `http://127.0.0.1:${dashboardPort}`,
    E2E_DM_URL: `http://127.0.0.1:${dmPort}`,
    E2E_MANAGE_URL: `http://127.0.0.1:${managePort}`,
    E2E_DATABASE_URL: databaseUrl,
    E2E_JWT_SECRET: jwtSecret,
    E2E_WORDPRESS_URL: wp.url,
    E2E_MAIL_URL: mail.webUrl,
  });

  return async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await wp.close();
    await mail.close();
    await redis.stop();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
