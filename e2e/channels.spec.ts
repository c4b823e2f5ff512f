import { createDb } from "@leadmetrics/db";
import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, shot, signIn, urls } from "./helpers";

// Globex's own channel, so Acme's publishing in the other specs is untouched.
const PASSWORD = "e2e app password";
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

test.describe
  .serial("channels are trustworthy", () => {
    let siteUrl = "";
    let host = "";
    test.beforeAll(() => {
      siteUrl = `${urls().wordpress}/globex`;
      host = new URL(urls().wordpress).host;
    });

    test("connecting checks the site: a wrong password is shown beside its field with everything typed kept; then it connects, healthy", async ({
      browser,
    }, info) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${urls().dashboard}/channels`);
      const form = page.getByRole("form", { name: "Connect WordPress" });
      await form.getByLabel("Name").fill("Globex news");
      await form.getByLabel("Site address").fill(siteUrl);
      await form.getByLabel("WordPress user").fill("acme-editor");
      await form.getByLabel("Application password").fill("not the password");
      await form.getByRole("button", { name: "Connect" }).click();
      await expect(form.getByRole("alert")).toHaveText(
        `WordPress at ${host} refused the password: reconnect in Channels with a new application password.`,
      );
      await expect(form.getByLabel("Application password")).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel("Name")).toHaveValue("Globex news");
      await expect(form.getByLabel("Site address")).toHaveValue(siteUrl);
      await expect(form.getByLabel("WordPress user")).toHaveValue("acme-editor");
      await expect(form.getByLabel("Application password")).toHaveValue("not the password");
      await expect(page.getByText("No channel yet")).toBeVisible();
      await shot(page, info, "channels-wrong-password-1440");

      await form.getByLabel("Application password").fill(PASSWORD);
      await form.getByRole("button", { name: "Connect" }).click();
      await expect(form.getByRole("status")).toHaveText(
        "Connected to Fake WordPress as acme-editor (editor). The password is stored encrypted.",
      );
      await expect(form.getByLabel("Site address")).toHaveValue("");
      const table = page.getByRole("table", { name: "Connected channels" });
      await expect(table.getByTestId("channel-health")).toHaveText("Healthy");
      await expect(table.getByText("checked just now")).toBeVisible();
      await table.getByRole("button", { name: "Test connection" }).click();
      await expect(table.getByTestId("channel-health")).toHaveText("Healthy");
      await shot(page, info, "channels-healthy-1440");
    });

    test("a channel that stopped working says why on the Channels page and on the activity page, before and after approving", async ({
      browser,
    }, info) => {
      // Setup: the site no longer knows the stored user (as if it were renamed on the site).
      const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
      const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } });
      await db.connectedChannel.updateMany({ where: { tenantId: tenant.id }, data: { username: "someone-else" } });
      await db.$disconnect();
      const unknownUser = `WordPress at ${host} does not know the user “someone-else”: check the user name and reconnect in Channels.`;

      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${urls().dashboard}/channels`);
      const table = page.getByRole("table", { name: "Connected channels" });
      await table.getByRole("button", { name: "Test connection" }).click();
      await expect(table.getByTestId("channel-health")).toHaveText("Needs attention");
      await expect(table.getByText(unknownUser)).toBeVisible();
      await shot(page, info, "channels-needs-attention-1440");

      const phone = await (
        await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
      ).newPage();
      await signIn(phone, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await phone.goto(`${urls().dashboard}/channels`);
      const card = phone.getByRole("list", { name: "Connected channels" });
      await expect(card.getByTestId("channel-health")).toHaveText("Needs attention");
      await expect(card.getByRole("button", { name: "Test connection" })).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "channels-needs-attention-390");

      // A blog post reaches the client's review.
      const globex = await apiAs(ACCOUNTS.globex);
      const reviewer = await apiAs(ACCOUNTS.reviewer);
      const planId = await createPlan(globex, "Globex channel check");
      const activityId = (await activitiesOf(globex, planId, { status: "dm_review" }))[0]!.id;
      await reviewer("POST", `/dm/v1/activities/${activityId}/approve`, {});

      // Before approving: the warning, with the way to fix it; approving stays possible.
      await page.goto(`${urls().dashboard}/activities/${activityId}`);
      const review = page.locator("section", { has: page.getByRole("heading", { name: "Your review" }) });
      await expect(
        review.getByText(
          `Globex news needs attention, so publishing will likely fail until it is fixed. ${unknownUser}`,
        ),
      ).toBeVisible();
      await expect(review.getByRole("link", { name: "Open Channels" })).toHaveAttribute("href", "/channels");
      await shot(page, info, "activity-approve-warning-1440");
      await review.getByRole("button", { name: "Approve and publish" }).click();

      // The failure replaces any success banner, in the site's words, with the link to Channels.
      const failure = page.getByTestId("publish-failure");
      await expect(async () => {
        await page.reload();
        await expect(failure).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await expect(failure).toHaveText(`Publishing failed. ${unknownUser} Open Channels`);
      await expect(page.getByText(/Published at|Approved: publishing/)).toHaveCount(0);
      await expect(page.getByText(/fetch failed|ECONN|127\.0\.0\.1:\d+\/globex/)).toHaveCount(0);
      await shot(page, info, "activity-publish-failed-1440");
      await phone.goto(`${urls().dashboard}/activities/${activityId}`);
      await expect(phone.getByTestId("publish-failure")).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "activity-publish-failed-390");
    });
  });
