import { createDb } from "@leadmetrics/db";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, shot, signIn, urls } from "./helpers";

/**
 * A client whose balance cannot cover a plan sees the estimate before approving, confirms the
 * shortfall, and sees the work wait for credits (not "drafting"); the reviewers see which client
 * waits; a grant resumes it by itself.
 */
test("the credit estimate before approval, the shortfall confirmed, the work waiting for credits, and a grant resuming it", async ({
  browser,
}, info) => {
  const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
  const acme = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  const before = await db.creditBalance.findUniqueOrThrow({ where: { tenantId: acme.id } });
  try {
    // Enough for the planner's run (1), not for a blog post's draft (10).
    await db.creditBalance.update({ where: { tenantId: acme.id }, data: { available: 5 } });
    const client = await apiAs(ACCOUNTS.acme);
    const plan = { id: await createPlan(client, "Beyond the balance", { until: "submitted" }) };

    const page = await (await browser.newContext()).newPage();
    await signIn(page, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
    await page.goto(`${urls().dashboard}/plans/${plan.id}`);
    await expect(page.getByText("Approving this plan uses about 11 credits; your balance is 5.")).toBeVisible();
    await expect(page.getByText("1 × blog post at 10 = 10")).toBeVisible();
    await expect(page.getByText("Your balance covers 5 of the 11 credits.")).toBeVisible();
    await shot(page, info, "dashboard-plan-shortfall");
    // Approving asks for the shortfall to be accepted first (the box is required).
    await page.getByRole("button", { name: "Approve plan" }).click();
    await expect(page).toHaveURL(`${urls().dashboard}/plans/${plan.id}`);
    await page.getByLabel(/Approve anyway/).check();
    await page.getByRole("button", { name: "Approve plan" }).click();
    await expect(page).toHaveURL(/\/activities/);

    const activityId = (await activitiesOf(client, plan.id, { status: "waiting_for_credits" }))[0]!.id;
    await page.goto(`${urls().dashboard}/activities/${activityId}`);
    await expect(page.getByText("Waiting for credits", { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/Drafting starts again by itself once credits are added/)).toBeVisible();
    await shot(page, info, "dashboard-activity-waiting-for-credits");

    // The reviewers see which client's drafts wait.
    const dm = await (await browser.newContext()).newPage();
    await signIn(dm, urls().dm, ACCOUNTS.reviewer, /\/review$/);
    await dm.goto(`${urls().dm}/needs-attention`);
    const waiting = dm.getByRole("heading", { name: "Waiting for credits" }).locator("..");
    await expect(waiting.getByText("Acme Digital")).toBeVisible();
    await shot(dm, info, "dm-needs-attention-waiting-for-credits");

    // An operator's grant resumes it: drafted, then in review.
    const admin = await apiAs(ACCOUNTS.admin);
    await admin("POST", "/admin/v1/credits/grants", { tenantId: acme.id, amount: 50, note: "Top-up" });
    await expect(async () => {
      const a = await client<{ status: string }>("GET", `/tenant/v1/activities/${activityId}`);
      expect(a.status).toBe("dm_review");
    }).toPass({ timeout: 30_000 });
  } finally {
    await db.creditBalance.update({ where: { tenantId: acme.id }, data: { available: before.available } });
    await db.$disconnect();
  }
});
