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
import { startSocialSandbox } from "@leadmetrics/social-sandbox";
import { buildServers } from "../scripts/build/server";
import { pickStackPorts, stackProcesses, waitForReady } from "./stack";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The whole system on throwaway data: PostgreSQL, Redis, the API, the agents (offline adapter)
 * and the notifications server compiled, the portals' production builds, and a local WordPress to
 * publish to. Every port is picked free.
 */
export default async function globalSetup() {
  await buildServers();
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
  // LinkedIn, Meta, Google and X as local servers: connecting and publishing run for real.
  const social = await startSocialSandbox();

  const ports = await pickStackPorts();
  const jwtSecret = randomBytes(32).toString("hex");
  const processes = stackProcesses(ROOT, ports, {
    databaseUrl,
    redisUrl: redis.url,
    smtpUrl: mail.smtpUrl,
    jwtSecret,
    channelSecretsKey: randomBytes(32).toString("base64"),
    social: social.env,
  });
  const children: ChildProcess[] = [];
  const ready = processes.map((p) => {
    const child = spawn(p.command[0]!, p.command.slice(1), {
      cwd: p.cwd,
      env: { ...process.env, ...p.env },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(child);
    const exited = new Promise<string>((resolve) =>
      child.once("exit", (code, signal) => resolve(`${p.name}: ${signal ?? code}`)),
    );
    return waitForReady(p.readyUrl, exited);
  });
  try {
    await Promise.all(ready);
  } catch (err) {
    await Promise.all(children.map((c) => stopChild(c)));
    throw err;
  }

  Object.assign(process.env, {
    E2E_API_URL: `http://127.0.0.1:${ports.api}`,
    E2E_DASHBOARD_URL: `http://127.0.0.1:${ports.dashboard}`,
    E2E_DM_URL: `http://127.0.0.1:${ports.dm}`,
    E2E_MANAGE_URL: `http://127.0.0.1:${ports.manage}`,
    E2E_DATABASE_URL: databaseUrl,
    E2E_REDIS_URL: redis.url,
    E2E_JWT_SECRET: jwtSecret,
    E2E_WORDPRESS_URL: wp.url,
    E2E_MAIL_URL: mail.webUrl,
    E2E_LINKEDIN_URL: social.linkedin.url,
  });

  return async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await wp.close();
    await mail.close();
    await social.close();
    await redis.stop();
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
