import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers";
import { activitiesInStatus, approvePlan, DEMO_ACCOUNTS } from "../pipeline-helpers";
import { type ServerProcess, startServer } from "./support";

let t: TestApp;
const children: ServerProcess[] = [];

/** The agents server as its own process, exactly as ./dev and production run it. */
function startAgentsProcess(): ServerProcess {
  const child = startServer("agents", `agents-${children.length}`, {
    DATABASE_URL: t.config.DATABASE_URL,
    DATABASE_POOL_MAX: "4",
    REDIS_URL: t.config.REDIS_URL,
    QUEUE_PREFIX: t.queuePrefix,
    CHANNEL_SECRETS_KEY: t.config.CHANNEL_SECRETS_KEY,
    METRICS_PORT: "0",
    // Slow answers, so the kill lands mid-run; short locks, so the restart takes the job back quickly.
    OFFLINE_ADAPTER_DELAY_MS: "2500",
    AGENT_LOCK_DURATION_MS: "2000",
    AGENT_STALLED_INTERVAL_MS: "1000",
    RECONCILE_INTERVAL_MS: "3600000",
  });
  children.push(child);
  return child;
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
  for (const c of children) c.kill("SIGKILL");
  await t.close();
});

describe("a worker killed mid-job", () => {
  it("finishes the job after a restart, once: one version, one ledger entry, one notification", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const first = startAgentsProcess();
    const planId = await approvePlan(t, owner.accessToken, 1, "Crash test");
    const [activity] = await activitiesInStatus(t, planId, "drafting", 1, 30_000);
    const runKey = `blog-writer:${activity!.id}:r1`;
    // The writer is mid-answer: its run is open and credits are held.
    await eventually(() => t.db.agentRun.findFirst({ where: { runKey, status: "running" } }), 30_000);
    first.kill("SIGKILL");
    await eventually(async () => !alive(first.child.pid!), 5_000);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: activity!.id } })).status).toBe("drafting");

    const second = startAgentsProcess();
    await activitiesInStatus(t, planId, "dm_review", 1, 30_000);
    expect(await t.db.contentVersion.count({ where: { activityId: activity!.id } })).toBe(1);
    expect(await t.db.creditLedger.findMany({ where: { runKey } })).toEqual([
      expect.objectContaining({ status: "settled", amount: 10 }),
    ]);
    const run = await t.db.agentRun.findUniqueOrThrow({ where: { runKey } });
    expect(run.status).toBe("succeeded");
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    const balance = await t.db.creditBalance.findUniqueOrThrow({ where: { tenantId: activity!.tenantId } });
    expect(balance.reserved).toBe(0);
    // One notification: the "draft ready" job exists once, though the first run was cut short.
    await eventually(async () => (await t.db.outboxJob.count()) === 0, 15_000);
    const jobs = await t.queues
      .queue("notifications__dispatch")
      .getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
    const ready = jobs.filter(
      (j) =>
        j.data.event === "draft_ready_for_review" &&
        (j.data.data as { activityId?: string }).activityId === activity!.id,
    );
    expect(ready).toHaveLength(1);
    second.kill("SIGKILL");
  }, 90_000);

  it("SIGTERM lets the worker stop cleanly and leaves no process behind", async () => {
    const agents = startAgentsProcess();
    await agents.waitForLog(/agents server started/);
    process.kill(agents.child.pid!, "SIGTERM");
    const code = await agents.stopped;
    expect({ code, signal: agents.child.signalCode }).toEqual({ code: 0, signal: null });
    expect(alive(agents.child.pid!)).toBe(false);
  }, 30_000);
});
