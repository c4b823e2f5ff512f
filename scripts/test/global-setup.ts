import { chmod, mkdir, mkdtemp, readdir, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, startPostgres, startRedis } from "@leadmetrics/local-services";
import { TEMPLATE_DATABASE } from "@leadmetrics/testing";
import type { TestProject } from "vitest/node";

/**
 * One PostgreSQL and one Redis for the whole test run. The template database holds the
 * migrated schema and the demo data; each test file copies it (see `createTestDatabase`).
 */
export default async function setup(project: TestProject) {
  const root = await mkdtemp(path.join(tmpdir(), "leadmetrics-test-"));
  await chmod(root, 0o755);
  const pg = await startPostgres({ dataDir: path.join(root, "pg"), port: await freePort(), persistent: false });
  const redis = await startRedis({ dataDir: path.join(root, "redis"), port: await freePort() });
  try {
    const templateUrl = await pg.createDatabase(TEMPLATE_DATABASE);
    const { prepareTemplate } = await import("./template");
    await prepareTemplate(templateUrl);
  } catch (err) {
    await redis.stop();
    await pg.stop();
    throw err;
  }
  project.provide("pgAdminUrl", pg.adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("redisUrl", redis.url);
  const scratch = path.join(root, "scratch");
  await mkdir(scratch, { recursive: true });
  project.provide("scratchDir", scratch);

  return async () => {
    await redis.stop();
    await pg.stop();
    await killProcessesIn(scratch);
    await rm(root, { recursive: true, force: true });
  };
}

/**
 * A test that dies in a hook never stops the servers it started (chaos tests run their own
 * PostgreSQL and Redis). Both chdir into their data folder, so whatever still runs with a working
 * directory under `dir` is one of them: kill it.
 */
async function killProcessesIn(dir: string): Promise<void> {
  for (const entry of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const cwd = await readlink(`/proc/${entry}/cwd`).catch(() => "");
    if (cwd.startsWith(dir)) {
      try {
        process.kill(Number(entry), "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
}
