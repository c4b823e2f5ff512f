import { createDb } from "@leadmetrics/db";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, apiAs, shot, signIn, urls } from "./helpers";

test("a super-admin grants credits in Manage and the job that was waiting for them runs again", async ({
  browser,
}, info) => {
  // Setup, not what the test is about: Globex has run out of credits.
  const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
  const globexTenant = await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } });
  await db.creditBalance.update({ where: { tenantId: globexTenant.id }, data: { available: 0 } });
  await db.$disconnect();

  // Globex approves a plan; the planner cannot hold its credits and fails for good.
  const globex = await apiAs(ACCOUNTS.globex);
  const plan = await globex<{ id: string }>("POST", "/tenant/v1/plans", {
    name: "Out of credits",
    cadence: "weekly",
    startDate: "2026-12-07",
    periodCount: 1,
    items: [{ deliverableType: "social_post", quantity: 1, channel: "linkedin" }],
  });
  await globex("POST", `/tenant/v1/plans/${plan.id}/submit`);
  // Approved past the balance on purpose (the client was told the estimate and confirmed).
  await globex("POST", `/tenant/v1/plans/${plan.id}/approve`, { acceptShortfall: true });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, urls().manage, ACCOUNTS.admin, /\/tenants$/);
  await shot(page, info, "manage-tenants");
  await expect(async () => {
    await page.goto(`${urls().manage}/failed-jobs`);
    await expect(page.getByRole("link", { name: "agent__activity-planner" })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await shot(page, info, "manage-failed-jobs");
  await page.getByRole("link", { name: "agent__activity-planner" }).click();
  await expect(page.getByTestId("failure-reason")).toContainText("0 are available");

  // Fix the cause in the UI: grant credits to Globex.
  const failedJobUrl = page.url();
  await page.goto(`${urls().manage}/tenants`);
  await page.getByRole("link", { name: "Globex Marketing" }).click();
  await page.getByLabel("Credits to grant").fill("100");
  await page.getByLabel("Note").fill("Top-up after running out");
  await page.getByRole("button", { name: "Grant credits" }).click();
  // The grant resumes what was waiting for credits: no replay by hand.
  await expect(page.getByText("Credits granted. 1 job that was waiting for credits is running again.")).toBeVisible();
  await shot(page, info, "manage-tenant");

  // The failed job shows its replay, and the replay succeeds.
  await page.goto(failedJobUrl);
  await expect(page.getByRole("button", { name: "Replay job" })).toHaveCount(0);
  await expect(async () => {
    await page.goto(failedJobUrl);
    await expect(page.getByTestId("replay-state")).toContainText("completed", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await shot(page, info, "manage-failed-job-replayed");
  const activities = await globex<{ items: unknown[] }>("GET", `/tenant/v1/activities?planId=${plan.id}`);
  expect(activities.items).toHaveLength(1);

  await page.goto(`${urls().manage}/audit?action=failed_job.`);
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("failed_job.replayed");
  await shot(page, info, "manage-audit");
});
