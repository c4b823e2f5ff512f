import { eventually } from "@leadmetrics/testing";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type TestApp } from "../helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "../pipeline-helpers";
import { ownRedis, type RestartableRedis, retryUntil, sleep } from "./support";

let redis: RestartableRedis;
let t: TestApp;

beforeAll(async () => {
  redis = await ownRedis();
  // Sockets on, as in production: their Redis clients go through the outage too.
  t = await createTestApp({}, { redisUrl: redis.url, sockets: true });
});
afterAll(async () => {
  await t?.close();
  await redis?.close();
});

const PLANS = 30;
const RETRYABLE = new Set(["SERVICE_UNAVAILABLE", "QUEUE_UNAVAILABLE"]);

describe("Redis restarts during a burst of enqueues", () => {
  it("every approval succeeds or fails retryably; afterwards each accepted job exists exactly once", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const planIds: string[] = [];
    for (let i = 0; i < PLANS; i++) {
      const plan = await api<{ id: string }>(
        t,
        "POST",
        "/tenant/v1/plans",
        owner.accessToken,
        {
          name: `Burst ${i}`,
          cadence: "weekly",
          startDate: "2026-12-07",
          periodCount: 1,
          items: [{ deliverableType: "blog_post", quantity: 1 }],
        },
        201,
      );
      await api(t, "POST", `/tenant/v1/plans/${plan.id}/submit`, owner.accessToken, undefined, 200);
      planIds.push(plan.id);
    }
    const approve = (id: string) =>
      t.app.inject({ method: "POST", url: `/tenant/v1/plans/${id}/approve`, headers: bearer(owner.accessToken) });

    // The burst: three approvals at a time; Redis goes down after the first few and comes back later.
    const answers: { status: number; code?: string; duringOutage: boolean }[] = [];
    let outage = false;
    const readiness: number[] = [];
    const chaos = (async () => {
      await sleep(150);
      await redis.stop();
      outage = true;
      readiness.push((await t.app.inject({ method: "GET", url: "/health/ready" })).statusCode);
      await sleep(2_000);
      readiness.push((await t.app.inject({ method: "GET", url: "/health/ready" })).statusCode);
      await redis.start();
      outage = false;
    })();
    const queue = [...planIds];
    const failed: string[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const duringOutage = outage;
          const res = await approve(id);
          answers.push({
            status: res.statusCode,
            code: res.statusCode >= 400 ? errorOf(res).code : undefined,
            duringOutage,
          });
          if (res.statusCode !== 200) failed.push(id);
          await sleep(60);
        }
      }),
    );
    await chaos;

    const during = answers.filter((a) => a.duringOutage);
    console.info(
      `redis restart: ${answers.length} approvals, ${during.length} during the outage (${during.filter((a) => a.status === 200).length} accepted, ${during.filter((a) => a.status === 503).length} refused with 503), ${failed.length} retried`,
    );
    // Requests were really made while Redis was down, and readiness said so.
    expect(answers.filter((a) => a.duringOutage).length).toBeGreaterThan(0);
    expect(readiness).toEqual([503, 503]);
    // Every answer was a success or a clear, retryable refusal: never a 500, never a hang.
    for (const a of answers) {
      expect(a.status === 200 || (a.status === 503 && RETRYABLE.has(a.code!)), JSON.stringify(a)).toBe(true);
    }
    // The client retries what was refused; each retry ends in success.
    for (const id of failed) {
      const seen = await retryUntil(
        () => approve(id),
        (r) => r.statusCode !== 503,
      );
      expect(seen.at(-1)!.statusCode).toBe(200);
    }
    await eventually(
      async () => (await t.app.inject({ method: "GET", url: "/health/ready" })).statusCode === 200,
      15_000,
    );

    // After recovery: the outbox drains and the planner queue holds exactly one job per approved plan.
    await eventually(async () => (await t.db.outboxJob.count()) === 0, 20_000);
    const plans = await t.db.deliverablePlan.findMany({ where: { id: { in: planIds } }, select: { status: true } });
    expect(plans.every((p) => p.status === "approved")).toBe(true);
    const planner = t.queues.queue("agent__activity-planner");
    const jobs = await planner.getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
    expect(jobs.map((j) => j.id).sort()).toEqual(planIds.map((id) => `plan-${id}`).sort());
    expect(jobs.map((j) => (j.data as { planId: string }).planId).sort()).toEqual([...planIds].sort());
  }, 120_000);

  it("agents drafting through a Redis restart: each draft is written once, its follow-ups arrive once, and live events resume", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const DRAFTS = 10;
    // The plans of the test above stay unplanned: only this plan's work runs here.
    await t.queues.queue("agent__activity-planner").obliterate({ force: true });
    // Each draft takes a moment, so transitions (and their staged follow-ups) straddle the outage.
    const agents = await startTestAgents(t, { OFFLINE_ADAPTER_DELAY_MS: "300" });
    // The client's board, live over Socket.IO, through the outage.
    const url = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const socket = connect(url, { path: "/socket.io", transports: ["websocket"], auth: { token: owner.accessToken } });
    const seen: { activityId: string; to: string }[] = [];
    socket.on("activity:status", (p: { activityId: string; to: string }) => seen.push(p));
    await new Promise((resolve) => socket.once("ready", resolve));
    try {
      const planId = await approvePlan(t, owner.accessToken, DRAFTS, "Redis chaos drafts");
      await eventually(
        async () => (await t.db.activity.count({ where: { planId, status: "dm_review" } })) >= 2,
        30_000,
        25,
      );
      await redis.stop();
      // Work finished during the outage waits in the outbox (committed, not yet in Redis).
      let staged = 0;
      for (let i = 0; i < 20; i++) {
        staged = Math.max(staged, await t.db.outboxJob.count());
        await sleep(100);
      }
      await redis.start();
      // Real-time is best effort: what was announced during the outage is gone, what follows arrives.
      const draftedBefore = new Set(
        (await t.db.activity.findMany({ where: { planId, status: "dm_review" }, select: { id: true } })).map(
          (a) => a.id,
        ),
      );
      console.info(
        `redis restart while drafting: up to ${staged} follow-up jobs waited in the outbox during the outage`,
      );
      expect(staged).toBeGreaterThan(0);
      const activities = await activitiesInStatus(t, planId, "dm_review", DRAFTS, 90_000);
      const ids = activities.map((a) => a.id);
      const versions = await t.db.contentVersion.groupBy({
        by: ["activityId"],
        where: { activityId: { in: ids } },
        _count: true,
      });
      expect(versions.map((v) => v._count)).toEqual(ids.map(() => 1));
      const runs = await t.db.agentRun.findMany({ where: { activityId: { in: ids } } });
      expect(runs).toHaveLength(DRAFTS);
      const ledger = await t.db.creditLedger.findMany({ where: { runKey: { in: runs.map((r) => r.runKey) } } });
      expect(ledger.map((l) => l.status)).toEqual(runs.map(() => "settled"));
      await eventually(async () => (await t.db.outboxJob.count()) === 0, 30_000);
      const jobs = await t.queues
        .queue("notifications__dispatch")
        .getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
      const ready = jobs
        .filter((j) => j.data.event === "draft_ready_for_review")
        .map((j) => (j.data.data as { activityId: string }).activityId);
      expect(ready.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
      const draftedAfter = ids.filter((id) => !draftedBefore.has(id));
      expect(draftedAfter.length).toBeGreaterThan(0);
      await eventually(
        async () => draftedAfter.every((id) => seen.some((e) => e.activityId === id && e.to === "dm_review")),
        15_000,
      );
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
      await agents.close();
    }
  }, 150_000);
});
