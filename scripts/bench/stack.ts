import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ActivityStatus, createDb, type Db, migrate, seedDemo } from "@leadmetrics/db";
import { freePort, startPostgres, startRedis, stopChild } from "@leadmetrics/local-services";
import { seedWeekPlan } from "../../apps/api/test/plan-fixtures";
import { buildServer } from "../build/server";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  redisUrl: string;
  api: ChildProcess;
  stop(): Promise<void>;
}

/** Polls until the URL answers 2xx (about 20 s at most). */
export async function waitUntilUp(url: string) {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    if (i > 200) throw new Error(`${url} did not come up`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Throwaway PostgreSQL + Redis + the API as its own process, as production runs it: built once,
 * then `node dist/index.js`.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-bench-"));
  await chmod(dir, 0o755);
  const pg = await startPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
  const redis = await startRedis({ dataDir: path.join(dir, "redis"), port: await freePort() });
  const databaseUrl = await pg.createDatabase("bench");
  await migrate(databaseUrl);
  const db = createDb({ url: databaseUrl, poolMax: 2 });
  await seedDemo(db);
  await db.$disconnect();

  await buildServer(path.join(ROOT, "apps/api"));
  const port = await freePort();
  const api = spawn(
    "node",
    [...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/cpuprof"] : []), "dist/index.js"],
    {
      cwd: path.join(ROOT, "apps/api"),
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        LOG_FORMAT: "json",
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_MAX: "10",
        REDIS_URL: redis.url,
        JWT_SECRET: "bench-secret-bench-secret-bench-secret-0000",
        CHANNEL_SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"),
        API_HOST: "127.0.0.1",
        API_PORT: String(port),
        // The benchmark measures the server, not the per-IP limiter.
        RATE_LIMIT_MAX: "100000000",
      },
    },
  );
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${apiUrl}/health/ready`);
  return {
    apiUrl,
    databaseUrl,
    redisUrl: redis.url,
    api,
    async stop() {
      await stopChild(api);
      await redis.stop();
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * An approved one-week plan of the demo tenant "Acme Digital" with `count` blog posts, the i-th
 * in `statusOf(i)` at revision 1: the work every benchmark measures. Returns the tenant and plan.
 */
export async function seedBenchPlan(
  db: Db,
  opts: { name: string; count: number; topic: string; statusOf: (slot: number) => ActivityStatus },
) {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  const { plan, period } = await seedWeekPlan(db, tenant.id, opts.name);
  await db.activity.createMany({
    data: Array.from({ length: opts.count }, (_, slot) => ({
      tenantId: tenant.id,
      planId: plan.id,
      periodId: period.id,
      slot,
      type: "blog_post" as const,
      topic: `${opts.topic} ${slot}`,
      status: opts.statusOf(slot),
      revision: 1,
    })),
  });
  return { tenant, plan };
}
