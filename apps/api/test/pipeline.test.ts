import { DEMO_CREDITS } from "@leadmetrics/db";
import { type FakeWordPress, startFakeWordPress } from "@leadmetrics/provider-wordpress/fake-server";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type LoginResult, type TestApp } from "./helpers";
import { activitiesInStatus, api, approvePlan, DEMO_ACCOUNTS, startTestAgents } from "./pipeline-helpers";

let t: TestApp;
let agents: Awaited<ReturnType<typeof startTestAgents>>;
let wp: FakeWordPress;
let owner: LoginResult;
let reviewer: LoginResult;
let reviewer2: LoginResult;

beforeAll(async () => {
  t = await createTestApp();
  agents = await startTestAgents(t);
  wp = await startFakeWordPress({ username: "acme-editor", applicationPassword: "abcd efgh ijkl mnop" });
  owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
  reviewer2 = await t.login(DEMO_ACCOUNTS.superAdmin, { portal: "dm" });
  await api(
    t,
    "POST",
    "/tenant/v1/channels/wordpress",
    owner.accessToken,
    { name: "Acme blog", siteUrl: wp.url, username: "acme-editor", applicationPassword: "abcd efgh ijkl mnop" },
    201,
  );
});
afterAll(async () => {
  await agents.close();
  await wp.close();
  await t.close();
});

const version = async (activityId: string) =>
  (await t.db.activity.findUniqueOrThrow({ where: { id: activityId } })).version;

describe("the whole loop through HTTP", () => {
  it("plan → activity → draft → DM rejects → redraft carries the feedback → DM approves → client approves → published", async () => {
    const before = await api<{ available: number }>(t, "GET", "/tenant/v1/credits", owner.accessToken, undefined, 200);
    const planId = await approvePlan(t, owner.accessToken);
    const [activity] = await activitiesInStatus(t, planId, "dm_review");
    const id = activity!.id;

    // The reviewer sees it in the queue, oldest first, and rejects with feedback.
    const queue = await api<{ items: { id: string; tenantName: string }[] }>(
      t,
      "GET",
      "/dm/v1/review-queue",
      reviewer.accessToken,
      undefined,
      200,
    );
    expect(queue.items.map((i) => i.id)).toContain(id);
    const feedback = "Mention the spring discount of 20% in the introduction.";
    await api(t, "POST", `/dm/v1/activities/${id}/reject`, reviewer.accessToken, { feedback }, 200);

    // The agent redrafts, and the redraft's prompt carries the feedback.
    await eventually(
      async () =>
        (await t.db.activity.findUniqueOrThrow({ where: { id } })).status === "dm_review" &&
        (await t.db.contentVersion.count({ where: { activityId: id } })) === 2,
    );
    const redraftRun = await t.db.agentRun.findFirstOrThrow({ where: { activityId: id, revision: 2 } });
    expect(redraftRun.wakeReason).toBe("rejection");
    expect(redraftRun.prompt).toContain(`Reviewer feedback: ${feedback}`);
    expect(redraftRun.prompt).toContain("Brand voice: Confident, practical and warm");
    const detail = await api<{
      versions: { number: number; body: string; offline: boolean; changeNote: string | null }[];
    }>(t, "GET", `/tenant/v1/activities/${id}`, owner.accessToken, undefined, 200);
    expect(detail.versions[0]!.number).toBe(2);
    expect(detail.versions[0]!.offline).toBe(true);
    // The writer's account of the change sits beside the draft, never in it.
    expect(detail.versions[0]!.changeNote).toContain(feedback);
    expect(detail.versions[0]!.body).not.toContain(feedback);
    expect(detail.versions[1]!.changeNote).toBeNull();

    // DM approves; the client approves; the publisher posts it to WordPress.
    await api(t, "POST", `/dm/v1/activities/${id}/approve`, reviewer.accessToken, {}, 200);
    const review = await api<{ status: string }>(
      t,
      "GET",
      `/tenant/v1/activities/${id}`,
      owner.accessToken,
      undefined,
      200,
    );
    expect(review.status).toBe("client_review");
    await api(t, "POST", `/tenant/v1/activities/${id}/approve`, owner.accessToken, {}, 200);
    const published = await eventually(async () => {
      const a = await t.db.activity.findUniqueOrThrow({ where: { id } });
      return a.status === "published" ? a : undefined;
    });
    expect(wp.posts).toHaveLength(1);
    expect(published.publishedUrl).toBe(wp.posts[0]!.link);
    expect(wp.posts[0]!.content).toContain("<h2");
    // What was published is the content alone: no feedback, no note about it.
    expect(wp.posts[0]!.content).not.toContain("spring discount");
    expect(wp.posts[0]!.content).not.toMatch(/feedback|addressed/i);
    expect((await t.db.blogPost.findUniqueOrThrow({ where: { activityId: id } })).publishedUrl).toBe(wp.posts[0]!.link);

    // History: every transition recorded, in order.
    const events = await t.db.activityEvent.findMany({ where: { activityId: id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "start_drafting",
      "draft_ready",
      "dm_reject",
      "draft_ready",
      "dm_approve",
      "client_approve",
      "publish_start",
      "publish_succeeded",
    ]);
    expect(await t.db.auditLog.count({ where: { targetId: id, action: { startsWith: "activity." } } })).toBe(8);

    // Credits: one settled ledger entry per run (planner + two drafts), none for retries.
    const credits = await api<{
      available: number;
      reserved: number;
      ledger: { items: { kind: string; status: string; amount: number }[] };
    }>(t, "GET", "/tenant/v1/credits", owner.accessToken, undefined, 200);
    expect(credits.reserved).toBe(0);
    expect(before.available - credits.available).toBe(1 + 10 + 10);
    expect(credits.ledger.items.filter((l) => l.kind === "run").map((l) => l.status)).toEqual([
      "settled",
      "settled",
      "settled",
    ]);
    expect(DEMO_CREDITS).toBeGreaterThan(0);
  });
});

describe("rules of the loop", () => {
  it("an illegal transition is a 409 in the uniform shape, and changes nothing", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Illegal moves");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const res = await t.app.inject({
      method: "POST",
      url: `/tenant/v1/activities/${a!.id}/approve`,
      headers: bearer(owner.accessToken),
      payload: {},
    });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({ code: "INVALID_TRANSITION" });
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("dm_review");
    const noFeedback = await t.app.inject({
      method: "POST",
      url: `/dm/v1/activities/${a!.id}/reject`,
      headers: bearer(reviewer.accessToken),
      payload: { feedback: "" },
    });
    expect(noFeedback.statusCode).toBe(400);
  });

  it("two reviewers approving the same version at once: exactly one wins", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Race");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const v = await version(a!.id);
    const results = await Promise.all(
      [reviewer, reviewer2].map((r) =>
        t.app.inject({
          method: "POST",
          url: `/dm/v1/activities/${a!.id}/approve`,
          headers: bearer(r.accessToken),
          payload: { expectedVersion: v },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await t.db.activityEvent.count({ where: { activityId: a!.id, action: "dm_approve" } })).toBe(1);
  });

  it("after 3 DM rejections the activity needs attention and no fourth draft is written", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "Three strikes");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    for (let i = 1; i <= 3; i++) {
      await api(
        t,
        "POST",
        `/dm/v1/activities/${a!.id}/reject`,
        reviewer.accessToken,
        { feedback: `Not there yet (${i})` },
        200,
      );
      if (i < 3)
        await eventually(
          async () =>
            (await t.db.contentVersion.count({ where: { activityId: a!.id } })) === i + 1 &&
            (await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status === "dm_review",
        );
    }
    const stuck = await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } });
    expect(stuck).toMatchObject({ status: "needs_attention", dmRejectionCount: 3 });
    const list = await api<{ items: { id: string }[] }>(
      t,
      "GET",
      "/dm/v1/needs-attention",
      reviewer.accessToken,
      undefined,
      200,
    );
    expect(list.items.map((i) => i.id)).toContain(a!.id);
    await new Promise((r) => setTimeout(r, 500));
    expect(await t.db.contentVersion.count({ where: { activityId: a!.id } })).toBe(3);

    // A reviewer can take over: edit-and-approve stores a human version, with no AI run.
    const runsBefore = await t.db.agentRun.count({ where: { activityId: a!.id } });
    await api(
      t,
      "POST",
      `/dm/v1/activities/${a!.id}/edit-approve`,
      reviewer.accessToken,
      // As a browser's form sends a textarea: lines end with CRLF.
      { title: "Written by a person", body: "A human-written body\r\n\r\nthat is long enough to publish." },
      200,
    );
    const latest = await t.db.contentVersion.findFirstOrThrow({
      where: { activityId: a!.id },
      orderBy: { number: "desc" },
    });
    expect(latest).toMatchObject({
      authorType: "user",
      title: "Written by a person",
      body: "A human-written body\n\nthat is long enough to publish.",
      agentRunId: null,
    });
    expect(await t.db.agentRun.count({ where: { activityId: a!.id } })).toBe(runsBefore);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("client_review");
  });

  it("the publisher refuses, in its own code, an activity the client has not approved", async () => {
    const planId = await approvePlan(t, owner.accessToken, 1, "No approval");
    const [a] = await activitiesInStatus(t, planId, "dm_review");
    const postsBefore = wp.posts.length;
    await t.queues.enqueuePublisher({ tenantId: a!.tenantId, activityId: a!.id, attempt: 999 });
    const failed = await eventually(() =>
      t.db.failedJob.findFirst({
        where: { queue: "agent__publisher", payload: { path: ["activityId"], equals: a!.id } },
      }),
    );
    expect(failed.reason).toMatch(/refused to publish/);
    expect(failed.attempts).toBe(1);
    expect(wp.posts.length).toBe(postsBefore);
    expect((await t.db.activity.findUniqueOrThrow({ where: { id: a!.id } })).status).toBe("dm_review");
  });
});
