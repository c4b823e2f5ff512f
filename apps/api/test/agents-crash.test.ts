import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers";
import { activitiesInStatus, approvePlan, DEMO_ACCOUNTS } from "./pipeline-helpers";

const AGENTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../servers/agents");
let t: TestApp;
const children: ChildProcess[] = [];

/** The agents server as its own process, exactly as ./dev and production run it. */
function startAgentsProcess(): ChildProcess & { started: Promise<void> } {
  const child = spawn("node", ["--import", "tsx", "src/index.ts"], {
    cwd: AGENTS_DIR,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    // Only what the server needs: the test runner's own variables stay out of the child.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      LOG_FORMAT: "json",
      DATABASE_URL: t.config.DATABASE_URL,
      DATABASE_POOL_MAX: "4",
      REDIS_URL: t.config.REDIS_URL,
      QUEUE_PREFIX: t.queuePrefix,
      CHANNEL_SECRETS_KEY: t.config.CHANNEL_SECRETS_KEY,
      // Slow answers, so the kill lands mid-run; short locks, so the restart takes the job back quickly.
      OFFLINE_ADAPTER_DELAY_MS: "2500",
      AGENT_LOCK_DURATION_MS: "2000",
      AGENT_STALLED_INTERVAL_MS: "1000",
      RECONCILE_INTERVAL_MS: "3600000",
    },
  });
  children.push(child);
  let out = "";
  const started = new Promise<void>((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-10_000);
      if (out.includes("agents server started")) resolve();
    });
  });
  return Object.assign(child, { started });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  for (const c of children) if (c.pid && alive(c.pid)) process.kill(-c.pid, "SIGKILL");
  await t.close();
});

describe("a worker killed mid-job", () => {
  it("finishes the job after a restart, once: one version, one ledger entry", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const first = startAgentsProcess();
    const planId = await approvePlan(t, owner.accessToken, 1, "Crash test");
    const [activity] = await activitiesInStatus(t, planId, "drafting", 1, 30_000);
    const runKey = `blog-writer:${activity!.id}:r1`;
    // The writer is mid-answer: its run is open and credits are held.
    await eventually(() => t.db.agentRun.findFirst({ where: { runKey, status: "running" } }), 30_000);
    process.kill(-first.pid!, "SIGKILL");
    await eventually(async () => !alive(first.pid!), 5_000);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: activity!.id } })).status).toBe("drafting");

    const second = startAgentsProcess();
    await activitiesInStatus(t, planId, "dm_review", 1, 30_000);
    expect(await t.db.contentVersion.count({ where: { activityId: activity!.id } })).toBe(1);
    expect(await t.db.creditLedger.findMany({ where: { runKey } })).toEqual([expect.objectContaining({ status: "settled", amount: 10 })]);
    const run = await t.db.agentRun.findUniqueOrThrow({ where: { runKey } });
    expect(run.status).toBe("succeeded");
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    const balance = await t.db.creditBalance.findUniqueOrThrow({ where: { tenantId: activity!.tenantId } });
    expect(balance.reserved).toBe(0);
    process.kill(-second.pid!, "SIGKILL");
  }, 90_000);

  it("SIGTERM lets the worker stop cleanly and leaves no process behind", async () => {
    const child = startAgentsProcess();
    await child.started;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    process.kill(child.pid!, "SIGTERM");
    const code = await exited;
    expect({ code, signal: child.signalCode }).toEqual({ code: 0, signal: null });
    expect(alive(child.pid!)).toBe(false);
  }, 30_000);
});
