import { createDb } from "@leadmetrics/db";
import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, apiAs, shot, signIn, urls } from "./helpers";

/**
 * Setup, not what the test is about: an Acme draft waiting for the client's approval, its
 * notification and an older one, the only unread ones; Globex's owner with an empty inbox.
 */
async function seedInbox() {
  const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
  try {
    const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
    const owner = await db.user.findUniqueOrThrow({ where: { email: ACCOUNTS.acme } });
    const globexOwner = await db.user.findUniqueOrThrow({ where: { email: ACCOUNTS.globex } });
    await db.notification.deleteMany({ where: { userId: globexOwner.id } });
    // Whatever other specs left for Acme's owner is read: the two below are the unread ones.
    await db.notification.updateMany({ where: { userId: owner.id, readAt: null }, data: { readAt: new Date() } });
    const plan = await db.deliverablePlan.create({
      data: {
        tenantId: acme.id,
        name: "Inbox e2e",
        cadence: "weekly",
        startDate: new Date("2026-12-07"),
        periodCount: 1,
        status: "approved",
      },
    });
    const period = await db.deliverablePeriod.create({
      data: {
        tenantId: acme.id,
        planId: plan.id,
        index: 0,
        startsOn: new Date("2026-12-07"),
        endsOn: new Date("2026-12-13"),
      },
    });
    const activity = await db.activity.create({
      data: {
        tenantId: acme.id,
        planId: plan.id,
        periodId: period.id,
        slot: 0,
        type: "blog_post",
        topic: "Inbox launch",
        title: "Five ways to plan a spring launch",
        status: "client_review",
      },
    });
    const notify = (event: string, title: string, body: string, minutesAgo: number, activityId: string) =>
      db.notification.create({
        data: {
          userId: owner.id,
          tenantId: acme.id,
          event,
          title,
          body,
          link: `/activities/${activityId}`,
          data: { activityId, title: title.split(": ")[1], url: `${urls().dashboard}/activities/${activityId}` },
          dedupeKey: `e2e-inbox-${event}-${activityId}`,
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
        },
      });
    await notify("published", "Published: An older story", "Published: An older story", 3 * 60, activity.id);
    const ready = await notify(
      "ready_for_client_review",
      `Ready for your approval: ${activity.title}`,
      `Ready for your approval: ${activity.title}`,
      4,
      activity.id,
    );
    return { activity, ready };
  } finally {
    await db.$disconnect();
  }
}

const unreadCount = (page: Page) => page.getByTestId("unread-count");
const noSidewaysScroll = async (page: Page, what: string) => {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
};

test("the bell opens the inbox: an item opens its object and is read, mark all read zeroes the bell", async ({
  browser,
}, info) => {
  const { activity, ready } = await seedInbox();
  const { dashboard } = urls();
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, dashboard, ACCOUNTS.acme, /\/activities$/);
  await expect(unreadCount(page)).toHaveText("2");

  await page.getByTestId("bell").click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const items = page.getByTestId("notification");
  // Unread first, newest first: the draft waiting for approval leads; each says when, in words.
  await expect(items.first()).toContainText(`Ready for your approval: ${activity.title}`);
  await expect(items.first()).toContainText("4 minutes ago");
  await expect(items.nth(1)).toContainText("An older story");
  await expect(items.nth(1)).toContainText("3 hours ago");
  await shot(page, info, "inbox-1440");

  // Opening it shows the activity and reads the notification.
  await items
    .first()
    .getByRole("link", { name: new RegExp(activity.title!) })
    .click();
  await expect(page).toHaveURL(new RegExp(`/activities/${activity.id}$`));
  await expect(unreadCount(page)).toHaveText("1");
  const acme = await apiAs(ACCOUNTS.acme);
  const listed = await acme<{ items: { id: string; read: boolean }[] }>(
    "GET",
    "/auth/v1/me/notifications?pageSize=100",
  );
  expect(listed.items.find((n) => n.id === ready.id)?.read).toBe(true);

  await page.goto(`${dashboard}/notifications`);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(unreadCount(page)).toHaveText("0");
  await expect(page.getByText("You're all caught up.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  await page.reload();
  await expect(unreadCount(page)).toHaveText("0");
  await shot(page, info, "inbox-all-read-1440");

  // An empty inbox says so.
  const globex = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(globex, dashboard, ACCOUNTS.globex, /\/activities$/);
  await globex.goto(`${dashboard}/notifications`);
  await expect(globex.getByText("You're all caught up").first()).toBeVisible();
  await shot(globex, info, "inbox-empty-1440");
});

test("notification settings save a change that survives a reload; mandatory events stay on, with why", async ({
  browser,
}, info) => {
  const { dashboard, dm } = urls();
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, dashboard, ACCOUNTS.acme, /\/activities$/);
  await page.goto(`${dashboard}/notifications`);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);

  const publishedByEmail = page.getByRole("checkbox", { name: "Approved work is published: Email" });
  const resetByEmail = page.getByRole("checkbox", { name: "A password reset link you asked for: Email" });
  await expect(resetByEmail).toBeChecked();
  await expect(resetByEmail).toBeDisabled();
  await expect(page.getByText("Always emailed: it is how you get back into your account.")).toBeVisible();
  // A client is not asked about the reviewers' events.
  await expect(page.getByText("A new draft is waiting for review")).toHaveCount(0);
  await expect(publishedByEmail).toBeChecked();
  await shot(page, info, "settings-1440");

  await publishedByEmail.uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved. Your choices apply from the next notification.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Approved work is published: Email" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Approved work is published: In the app" })).toBeChecked();
  await shot(page, info, "settings-saved-1440");

  // Put it back for the other specs.
  await page.getByRole("checkbox", { name: "Approved work is published: Email" }).check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  // A reviewer's settings, in the DM portal, list the reviewers' events.
  const reviewer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(reviewer, dm, ACCOUNTS.reviewer, /\/review$/);
  await reviewer.getByTestId("bell").click();
  await expect(reviewer).toHaveURL(/\/notifications$/);
  await reviewer.goto(`${dm}/settings/notifications`);
  await expect(reviewer.getByRole("checkbox", { name: "A new draft is waiting for review: Email" })).toBeVisible();
  await shot(reviewer, info, "dm-settings-1440");
});

test("the inbox and the settings work on a phone (390 × 844)", async ({ browser }, info) => {
  const { dashboard } = urls();
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await signIn(page, dashboard, ACCOUNTS.acme, /\/activities$/);
  await page.getByText("Menu", { exact: true }).click();
  await page.getByTestId("bell").click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeInViewport();
  await noSidewaysScroll(page, "/notifications");
  await shot(page, info, "inbox-390");

  await page.goto(`${dashboard}/settings/notifications`);
  await expect(page.getByRole("checkbox", { name: "Approved work is published: Email" })).toBeVisible();
  await noSidewaysScroll(page, "/settings/notifications");
  await shot(page, info, "settings-390");
});
