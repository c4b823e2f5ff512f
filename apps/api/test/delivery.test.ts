import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let owner: LoginResult;
let reviewer: LoginResult;
let admin: LoginResult;
let wp: FakeWordPress;

beforeAll(async () => {
  // Short retry backoff, so a failing publish reaches its last attempt within the test.
  t = await createTestApp();
  agents = await startTestAgents(t, { RECONCILE_STUCK_AFTER_MS: "1000" });
  owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
  admin = await t.login(DEMO_ACCOUNTS.superAdmin);
  wp = await startFakeWordPress({ username: "editor", applicationPassword: "pass word pass word" });
});
afterAll(async () => {
  await agents.close();
  await wp.close();
  await t.close();
});

const ledgerEntries = (runKey: string) => t.db.creditLedger.count({ where: { runKey } });

/** The client's approval as the publisher checks it (status and event), without the review steps before it. */
async function approvedByClient(activityId: string, tenantId: string) {
  await t.db.activity.update({ where: { id: activityId }, data: { status: "client_approved" } });
  await t.db.activityEvent.create({
    data: {
      tenantId,
      activityId,
      action: "client_approve",
      actorType: "user",
      actorId: owner.session.userId,
      fromStatus: "client_review",
      toStatus: "client_approved",
    },
  });
}

describe("at-least-once delivery", () => {
  it("the same draft job delivered twice (after, and alongside) creates one version and one ledger entry", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Duplicates");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const payload = { tenantId: a!.tenantId, activityId: a!.id, revision: 1, wakeReason: "new_task" as const };
    const queue = t.queues.queue("agent__blog-writer");
    // Redelivery after completion, bypassing the dedupe key as a redelivered message would.
    await queue.add("agent__blog-writer", payload, { jobId: `dup-a-${a!.id}` });
    await queue.add("agent__blog-writer", payload, { jobId: `dup-b-${a!.id}` });
    await eventually(async () =>
      (await queue.getJobState(`dup-a-${a!.id}`)) === "completed" &&
      (await queue.getJobState(`dup-b-${a!.id}`)) === "completed"
        ? true
        : undefined,
    );
    expect(await t.db.contentVersion.count({ where: { activityId: a!.id } })).toBe(1);
    expect(await ledgerEntries(`blog-writer:${a!.id}:r1`)).toBe(1);

    // Two deliveries of a fresh revision racing each other.
    await api(
      t,
      "POST",
      `/dm/v1/activities/${a!.id}/reject`,
      reviewer.accessToken,
      { feedback: "Shorter please" },
      200,
    );
    const r2 = { ...payload, revision: 2, wakeReason: "rejection" as const };
    await Promise.all([
      queue.add("agent__blog-writer", r2, { jobId: `race-a-${a!.id}` }),
      queue.add("agent__blog-writer", r2, { jobId: `race-b-${a!.id}` }),
    ]);
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "dm_review" ? true : undefined,
    );
    await eventually(async () => {
      const states = await Promise.all([`race-a-${a!.id}`, `race-b-${a!.id}`].map((id) => queue.getJobState(id)));
      return states.every((s) => s === "completed" || s === "unknown") ? true : undefined;
    });
    expect(await t.db.contentVersion.count({ where: { activityId: a!.id, revision: 2 } })).toBe(1);
    expect(await ledgerEntries(`blog-writer:${a!.id}:r2`)).toBe(1);
  });

  it("an invalid payload fails at once, unretried, into FailedJob", async () => {
    const queue = t.queues.queue("agent__blog-writer");
    await queue.add(
      "agent__blog-writer",
      { tenantId: "not-a-uuid", activityId: 42 },
      { jobId: "invalid-payload-1", attempts: 4 },
    );
    const failed = await eventually(() => t.db.failedJob.findFirst({ where: { jobId: "invalid-payload-1" } }));
    expect(failed.reason).toMatch(/invalid payload/);
    expect(failed.attempts).toBe(1);
    const job = await queue.getJob("invalid-payload-1");
    expect(job?.attemptsMade).toBe(1);
    expect(await job?.getState()).toBe("failed");
  });

  it("enqueue refuses an invalid payload before it reaches Redis", async () => {
    await expect(
      t.queues.enqueueDraft("blog-writer", {
        tenantId: "x",
        activityId: "y",
        revision: -1,
        wakeReason: "new_task",
      } as never),
    ).rejects.toMatchObject({ code: "INVALID_JOB_PAYLOAD" });
  });

  it("the reconciler re-enqueues an activity stuck in drafting with no live job", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Lost enqueue");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    // Simulate a committed transition whose enqueue was lost: drafting at revision 2, no job.
    await t.db.activity.update({
      where: { id: a!.id },
      data: { status: "drafting", revision: 2, updatedAt: new Date(Date.now() - 5_000) },
    });
    expect(await agents.server.reconcileNow()).toBeGreaterThanOrEqual(1);
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "dm_review" ? true : undefined,
    );
    expect(await t.db.contentVersion.count({ where: { activityId: a!.id, revision: 2 } })).toBe(1);
    // Running it again while nothing is stuck enqueues nothing for this activity.
    await agents.server.reconcileNow();
    expect(await t.db.agentRun.count({ where: { activityId: a!.id, revision: 2 } })).toBe(1);
  });
});

describe("failures people can fix", () => {
  it("a publish without a connected channel fails with the reason; after connecting, retry-publish succeeds", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Publish failure");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    await api(t, "POST", `/tenant/v1/activities/${a!.id}/approve`, owner.accessToken, {}, 200);
    const failed = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } });
      return row.status === "publish_failed" ? row : undefined;
    });
    expect(failed.lastError).toBe("No WordPress site is connected: connect one in Channels, then retry publishing.");

    await api(
      t,
      "POST",
      "/tenant/v1/channels/wordpress",
      owner.accessToken,
      { name: "Blog", siteUrl: wp.url, username: "editor", applicationPassword: "pass word pass word" },
      201,
    );
    await api(t, "POST", `/tenant/v1/activities/${a!.id}/retry-publish`, owner.accessToken, {}, 200);
    const done = await eventually(async () => {
      const row = await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } });
      return row.status === "published" ? row : undefined;
    });
    expect(done.publishedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lm-/);
  });

  it("a super-admin replays a failed job once it can succeed", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Replay me");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const tenantId = a!.tenantId;
    await approvedByClient(a!.id, tenantId);
    // The plan gets unapproved behind the publisher's back: the HITL gate refuses, the job fails for good.
    await t.db.deliverablePlan.update({ where: { id: planId }, data: { status: "rejected" } });
    await t.queues.enqueuePublisher({ tenantId, activityId: a!.id, attempt: 1 });
    const failed = await eventually(() =>
      t.db.failedJob.findFirst({
        where: { queue: "agent__publisher", payload: { path: ["activityId"], equals: a!.id } },
      }),
    );

    const list = await api<{ items: { id: string }[] }>(
      t,
      "GET",
      "/admin/v1/failed-jobs?queue=agent__publisher",
      admin.accessToken,
      undefined,
      200,
    );
    expect(list.items.map((i) => i.id)).toContain(failed.id);
    await t.db.deliverablePlan.update({ where: { id: planId }, data: { status: "approved" } });
    const replayed = await api<{ replayJobId: string }>(
      t,
      "POST",
      `/admin/v1/failed-jobs/${failed.id}/replay`,
      admin.accessToken,
      undefined,
      200,
    );
    expect(replayed.replayJobId).toMatch(/^replay-/);
    await api(t, "POST", `/admin/v1/failed-jobs/${failed.id}/replay`, admin.accessToken, undefined, 409);
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "published" ? true : undefined,
    );
    expect(await t.db.auditLog.count({ where: { action: "failed_job.replayed", targetId: failed.id } })).toBe(1);
  });

  it("nothing is published for a suspended workspace; once it is reactivated, a replay publishes", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Suspended meanwhile");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const tenantId = a!.tenantId;
    await approvedByClient(a!.id, tenantId);
    await api(t, "POST", `/admin/v1/tenants/${tenantId}/suspend`, admin.accessToken, { reason: "unpaid" }, 200);
    await t.queues.enqueuePublisher({ tenantId, activityId: a!.id, attempt: 1 });
    const failed = await eventually(() =>
      t.db.failedJob.findFirst({
        where: { queue: "agent__publisher", payload: { path: ["activityId"], equals: a!.id } },
      }),
    );
    expect(failed.reason).toMatch(/workspace is suspended/);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("client_approved");

    await api(t, "POST", `/admin/v1/tenants/${tenantId}/reactivate`, admin.accessToken, {}, 200);
    await api(t, "POST", `/admin/v1/failed-jobs/${failed.id}/replay`, admin.accessToken, undefined, 200);
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "published" ? true : undefined,
    );
  });

  it("a client rejection re-wakes the agent with the client's feedback", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Client says no");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    await api(t, "POST", `/dm/v1/activities/${a!.id}/approve`, reviewer.accessToken, {}, 200);
    await api(
      t,
      "POST",
      `/tenant/v1/activities/${a!.id}/reject`,
      owner.accessToken,
      { feedback: "Use our product name Acme Storefront" },
      200,
    );
    await eventually(async () =>
      (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "dm_review" ? true : undefined,
    );
    const run = await t.db.agentRun.findFirstOrThrow({ where: { activityId: a!.id, revision: 2 } });
    expect(run.prompt).toContain("Reviewer feedback: [client] Use our product name Acme Storefront");
  });

  it("a tenant out of credits is told why its work waits, and a grant resumes it by itself", async () => {
    const tenantId = (await t.db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
    await t.db.creditBalance.update({ where: { tenantId }, data: { available: 0 } });
    const globex = await t.login(DEMO_ACCOUNTS.globexOwner);
    const planId = await approvePlan(t, globex.accessToken, 1, "Broke", { acceptShortfall: true });
    const failed = await eventually(
      () => t.db.failedJob.findFirst({ where: { queue: "agent__activity-planner", tenantId } }),
      30_000,
    );
    expect(failed.reason).toBe("This run needs 1 credits; 0 are available");
    // The client's plan page says why nothing is planned.
    const plan = await api<{ planning: { status: string; error: string | null } | null }>(
      t,
      "GET",
      `/tenant/v1/plans/${planId}`,
      globex.accessToken,
      undefined,
      200,
    );
    expect(plan.planning).toEqual({ status: "failed", error: "This run needs 1 credits; 0 are available" });

    // Enough for the planner only: the writer's work then waits for credits, a state of its own.
    const first = await api<{ resumedJobs: number }>(
      t,
      "POST",
      "/admin/v1/credits/grants",
      admin.accessToken,
      { tenantId, amount: 1, note: "Top-up" },
      201,
    );
    expect(first.resumedJobs).toBe(1);
    const [waiting] = await activitiesInStatus(t, planId, "waiting_for_credits");
    const onHold = await eventually(
      async () =>
        (
          await api<{ lastError: string | null }>(
            t,
            "GET",
            `/tenant/v1/activities/${waiting!.id}`,
            globex.accessToken,
            undefined,
            200,
          )
        ).lastError,
    );
    expect(onHold).toBe("This run needs 10 credits; 0 are available");
    expect(
      (
        await api<{ planning: { status: string } }>(
          t,
          "GET",
          `/tenant/v1/plans/${planId}`,
          globex.accessToken,
          undefined,
          200,
        )
      ).planning.status,
    ).toBe("succeeded");

    // The next grant resumes the writer: the draft arrives without anyone replaying anything.
    const second = await api<{ resumedJobs: number }>(
      t,
      "POST",
      "/admin/v1/credits/grants",
      admin.accessToken,
      { tenantId, amount: 50, note: "Top-up" },
      201,
    );
    expect(second.resumedJobs).toBe(1);
    const [drafted] = await activitiesInStatus(t, planId, "dm_review");
    expect(drafted!.lastError).toBeNull();
    const history = await t.db.activityEvent.findMany({
      where: { activityId: drafted!.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(history.map((e) => e.action)).toEqual(["start_drafting", "credits_short", "credits_granted", "draft_ready"]);
    expect(await t.db.failedJob.count({ where: { tenantId, replayedAt: null } })).toBe(0);
    expect(await t.db.auditLog.count({ where: { tenantId, action: "failed_job.replayed" } })).toBe(2);
    // Nothing left to resume: a third grant replays nothing.
    expect(
      (
        await api<{ resumedJobs: number }>(
          t,
          "POST",
          "/admin/v1/credits/grants",
          admin.accessToken,
          { tenantId, amount: 5, note: "Top-up" },
          201,
        )
      ).resumedJobs,
    ).toBe(0);
  });
});
