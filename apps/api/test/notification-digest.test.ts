import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { eventually } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers";
import { startTestNotifications } from "./notification-helpers";
import { seedWeekPlan } from "./plan-fixtures";

/**
 * Emails about drafts waiting for review are batched per recipient. The window is long here
 * (10 minutes) and the test closes it itself by promoting the delayed digest jobs once every
 * event is collected: nothing depends on how fast this machine is.
 */

let t: TestApp;
let mail: Awaited<ReturnType<typeof startTestNotifications>>;
let tenantId: string;

beforeAll(async () => {
  t = await createTestApp();
  mail = await startTestNotifications(t, { NOTIFICATION_DIGEST_WINDOW_MS: String(10 * 60_000) });
  tenantId = (await t.login(DEMO_ACCOUNTS.acmeOwner)).session.tenantId!;
});
afterAll(async () => {
  await mail?.close();
  await t?.close();
});

/** `n` activities of Acme with their titles, as a writer leaves them for review. */
async function draftsForReview(label: string, n: number) {
  const { period } = await seedWeekPlan(t.db, tenantId, `Digest ${label}`);
  return Promise.all(
    Array.from({ length: n }, (_, slot) =>
      t.db.activity.create({
        data: {
          tenantId,
          planId: period.planId,
          periodId: period.id,
          slot,
          type: "blog_post",
          topic: `Topic ${label} ${slot}`,
          title: `${label}: draft number ${slot + 1}`,
          status: "dm_review",
        },
      }),
    ),
  );
}

/** What the pipeline stages when a draft reaches review: one event for every reviewer. */
const draftReady = (activityId: string) =>
  mail.server.queues.enqueueNotification({
    tenantId,
    recipient: { group: "dm_reviewers" },
    event: "draft_ready_for_review",
    data: { activityId },
    dedupeKey: `${activityId}-v1-draft_ready_for_review-dm_reviewers`,
  });

const digestQueue = () => mail.server.queues.queue("notifications__digest");
const reviewers = [DEMO_ACCOUNTS.reviewer, DEMO_ACCOUNTS.superAdmin];
const reviewerIds = async () =>
  (await t.db.user.findMany({ where: { email: { in: reviewers } }, select: { id: true } })).map((u) => u.id);

/** Waits until every reviewer has `n` waiting rows for these activities, then closes their windows now. */
async function closeWindowsOnce(activityIds: string[]) {
  const ids = await reviewerIds();
  await eventually(async () =>
    (await t.db.notificationDigestItem.count({
      where: { userId: { in: ids }, digestId: null, OR: activityIds.map((id) => ({ dedupeKey: { startsWith: id } })) },
    })) ===
    ids.length * activityIds.length
      ? true
      : undefined,
  );
  // The window of each reviewer is one delayed job (concurrent dispatches may schedule a stale second one).
  const delayed = await digestQueue().getDelayed();
  expect(delayed.length).toBeGreaterThanOrEqual(ids.length);
  await Promise.all(delayed.map((job) => job.promote()));
}

const mailsTo = (address: string, subject: RegExp) => mail.mailsTo(address, subject);

describe("draft review digests", () => {
  it("sends each reviewer one email listing every draft of the window; in-app stays immediate", async () => {
    const drafts = await draftsForReview("Batch", 3);
    for (const a of drafts) await draftReady(a.id);

    // In-app does not wait for the window.
    await eventually(async () =>
      (await t.db.notification.count({
        where: {
          user: { email: DEMO_ACCOUNTS.reviewer },
          OR: drafts.map((a) => ({ dedupeKey: { startsWith: a.id } })),
        },
      })) === 3
        ? true
        : undefined,
    );
    expect(mailsTo(DEMO_ACCOUNTS.reviewer, /draft/i)).toHaveLength(0);

    await closeWindowsOnce(drafts.map((a) => a.id));
    for (const address of reviewers) {
      const digest = await eventually(async () => mailsTo(address, /^3 drafts are waiting for your review$/)[0]);
      for (const a of drafts) {
        expect(digest.html).toContain(a.title);
        expect(digest.html).toContain(`http://localhost:3002/review/${a.id}`);
        expect(digest.text).toContain(`${a.title} (blog post for Acme`);
      }
      expect(digest.html).toContain("http://localhost:3002/settings/notifications");
    }
    // Once each: no single email per draft, and no second digest.
    await eventually(async () => ((await digestQueue().getDelayed()).length === 0 ? true : undefined));
    for (const address of reviewers) {
      expect(mailsTo(address, /New draft to review/)).toHaveLength(0);
      expect(mailsTo(address, /drafts are waiting for your review/)).toHaveLength(1);
    }
  });

  it("a window with a single draft sends that draft's own email", async () => {
    const [only] = await draftsForReview("Alone", 1);
    await draftReady(only!.id);
    await closeWindowsOnce([only!.id]);
    for (const address of reviewers) {
      const single = await eventually(async () => mailsTo(address, /^New draft to review: Alone: draft number 1$/)[0]);
      expect(single.html).toContain(`http://localhost:3002/review/${only!.id}`);
    }
  });

  it("a draft after a window closed opens the next window", async () => {
    const [late] = await draftsForReview("Later", 1);
    await draftReady(late!.id);
    await closeWindowsOnce([late!.id]);
    await eventually(async () => mailsTo(DEMO_ACCOUNTS.reviewer, /^New draft to review: Later: draft number 1$/)[0]);
    // Every collected row went out in exactly one email.
    expect(await t.db.notificationDigestItem.count({ where: { digestId: null } })).toBe(0);
    expect(mailsTo(DEMO_ACCOUNTS.reviewer, /drafts are waiting for your review/)).toHaveLength(1);
  });
});
