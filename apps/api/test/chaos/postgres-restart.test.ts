import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type TestApp } from "../helpers";
import { activitiesInStatus, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "../pipeline-helpers";
import { ownPostgres, type RestartablePostgres, retryUntil, sleep } from "./support";

let pg: RestartablePostgres;
let t: TestApp;

beforeAll(async () => {
  pg = await ownPostgres();
  t = await createTestApp({}, { databaseUrl: pg.url, sockets: false });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await pg?.close();
}, 60_000);

const DRAFTS = 12;
const ready = () => t.app.inject({ method: "GET", url: "/health/ready" });

describe("PostgreSQL restarts during a burst of approvals", () => {
  it("every approval succeeds or fails retryably; afterwards each is recorded once, with one notification job", async () => {
    const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const agents = await startTestAgents(t);
    const planId = await approvePlan(t, owner.accessToken, DRAFTS, "Postgres chaos");
    const activities = await activitiesInStatus(t, planId, "dm_review", DRAFTS, 60_000);
    await agents.close();
    const approve = (id: string) =>
      t.app.inject({
        method: "POST",
        url: `/dm/v1/activities/${id}/approve`,
        headers: bearer(reviewer.accessToken),
        payload: {},
      });

    const answers: { id: string; status: number; code?: string; duringOutage: boolean }[] = [];
    let outage = false;
    const readiness: { status: number; postgres?: string }[] = [];
    const chaos = (async () => {
      await sleep(100);
      await pg.stop();
      outage = true;
      const res = await ready();
      readiness.push({ status: res.statusCode, postgres: res.json().checks?.postgres?.status });
      await sleep(2_500);
      await pg.start();
      outage = false;
    })();
    // Each client approves its drafts one after another and retries a refusal until it is final.
    const queue = activities.map((a) => a.id);
    const finals: { id: string; status: number; code?: string }[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          const seen = await retryUntil(
            async () => {
              const duringOutage = outage;
              const res = await approve(id);
              const answer = {
                id,
                status: res.statusCode,
                code: res.statusCode >= 400 ? errorOf(res).code : undefined,
                duringOutage,
              };
              answers.push(answer);
              return answer;
            },
            (a) => a.status !== 503,
            { tries: 200, delayMs: 200 },
          );
          finals.push(seen.at(-1)!);
          await sleep(300);
        }
      }),
    );
    await chaos;
    const during = answers.filter((a) => a.duringOutage);
    console.info(
      `postgres restart: ${answers.length} requests for ${finals.length} approvals, ${during.length} during the outage, ${answers.filter((a) => a.status === 503).length} refused with 503, ${finals.filter((a) => a.status === 409).length} found already done on retry`,
    );

    expect(during.length).toBeGreaterThan(0);
    expect(readiness).toEqual([{ status: 503, postgres: "error" }]);
    // Every answer: a success, a clear retryable refusal, or (for a retry of a request that
    // committed just before its connection died) a clear "already done". Never a 500.
    for (const a of answers) {
      const ok =
        a.status === 200 ||
        (a.status === 503 && a.code === "SERVICE_UNAVAILABLE") ||
        (a.status === 409 && a.code === "INVALID_TRANSITION");
      expect(ok, JSON.stringify(a)).toBe(true);
    }
    expect(finals.map((f) => f.status).every((s) => s === 200 || s === 409)).toBe(true);
    await eventually(async () => (await ready()).statusCode === 200, 30_000);

    // Each approval is recorded exactly once, and its follow-up job exists exactly once.
    const ids = activities.map((a) => a.id);
    const rows = await t.db.activity.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => "client_review"));
    const events = await t.db.activityEvent.groupBy({
      by: ["activityId"],
      where: { activityId: { in: ids }, action: "dm_approve" },
      _count: true,
    });
    expect(events.map((e) => e._count)).toEqual(ids.map(() => 1));
    // A row whose claim committed just before the connection died waits out its claim (10 s), then is relayed.
    await eventually(async () => (await t.db.outboxJob.count()) === 0, 40_000, 250);
    const jobs = await t.queues
      .queue("notifications__dispatch")
      .getJobs(["waiting", "delayed", "active", "completed", "failed", "prioritized"]);
    const clientReview = jobs
      .filter((j) => j.data.event === "ready_for_client_review")
      .map((j) => (j.data.data as { activityId: string }).activityId);
    expect(clientReview.sort()).toEqual([...ids].sort());
  }, 180_000);
});
