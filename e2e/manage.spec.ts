import { createDb } from "@leadmetrics/db";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, shot, signIn, urls } from "./helpers";

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
  // Approved past the balance on purpose (the client was told the estimate and confirmed).
  const planId = await createPlan(globex, "Out of credits", {
    items: [{ deliverableType: "social_post", quantity: 1, channel: "linkedin" }],
    acceptShortfall: true,
  });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, urls().manage, ACCOUNTS.admin, /\/tenants$/);
  await shot(page, info, "manage-tenants");
  await expect(async () => {
    await page.goto(`${urls().manage}/failed-jobs`);
    await expect(page.getByRole("link", { name: "Activity planner" })).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await shot(page, info, "manage-failed-jobs");
  await page.getByRole("link", { name: "Activity planner" }).click();
  await expect(page.getByTestId("failure-reason")).toContainText("the workspace had 0");

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
  await activitiesOf(globex, planId);

  await page.goto(`${urls().manage}/audit?action=failed_job.`);
  await expect(page.getByRole("table", { name: "Audit log" })).toContainText("failed_job.replayed");
  await shot(page, info, "manage-audit");
});

test("the tenant page: balance and ledger in words, a refused grant keeps what was typed, suspending asks first, a failed job links to its tenant", async ({
  browser,
}, info) => {
  // Setup, not what the test is about: a workspace whose blog post waits for credits, with a
  // writer's run in its ledger and the job that could not hold its credits.
  const admin = await apiAs(ACCOUNTS.admin);
  const suffix = Date.now().toString(36);
  const tenant = await admin<{ id: string; name: string }>("POST", "/admin/v1/tenants", {
    name: `Initech Content ${suffix}`,
    owner: { email: `owner-${suffix}@initech.demo.leadmetrics.local`, name: "Ines Owner" },
    initialCredits: 50,
  });
  const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
  const plan = await db.deliverablePlan.create({
    data: {
      tenantId: tenant.id,
      name: "Spring posts",
      cadence: "weekly",
      startDate: new Date("2026-03-02"),
      periodCount: 1,
    },
  });
  const period = await db.deliverablePeriod.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      index: 0,
      startsOn: new Date("2026-03-02"),
      endsOn: new Date("2026-03-08"),
    },
  });
  const activity = await db.activity.create({
    data: {
      tenantId: tenant.id,
      planId: plan.id,
      periodId: period.id,
      slot: 0,
      type: "blog_post",
      topic: "Content calendars",
      title: "Why content calendars slip",
      status: "waiting_for_credits",
    },
  });
  const runKey = `blog-writer:${activity.id}:r0`;
  await db.agentRun.create({
    data: {
      tenantId: tenant.id,
      runKey,
      role: "blog-writer",
      activityId: activity.id,
      adapter: "offline",
      model: "offline",
    },
  });
  await db.creditLedger.create({ data: { tenantId: tenant.id, kind: "run", status: "settled", amount: 10, runKey } });
  await db.failedJob.create({
    data: {
      queue: "agent__blog-writer",
      jobId: `draft-${activity.id}-r1`,
      tenantId: tenant.id,
      payload: { tenantId: tenant.id, activityId: activity.id, revision: 1, wakeReason: "new_task" },
      reason: "This run needs 10 credits; 0 are available",
      attempts: 1,
    },
  });
  await db.$disconnect();

  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, urls().manage, ACCOUNTS.admin, /\/tenants$/);

  // The failed job names its tenant and what it was drafting, and links both.
  await page.goto(`${urls().manage}/failed-jobs`);
  const row = page.getByRole("row").filter({ hasText: tenant.name });
  await expect(row.getByRole("link", { name: "Blog writer" })).toBeVisible();
  await expect(row).toContainText("Not enough credits");
  await expect(row.getByRole("link", { name: "Why content calendars slip" })).toHaveAttribute(
    "href",
    `${urls().dm}/review/${activity.id}`,
  );
  await row.getByRole("link", { name: "Blog writer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Blog writer job failed");
  await shot(page, info, "manage-failed-job-1440");
  await page.getByRole("link", { name: tenant.name }).first().click();
  await expect(page).toHaveURL(`${urls().manage}/tenants/${tenant.id}`);

  // Balance, what waits and the ledger in words, beside the grant.
  await expect(page.getByTestId("credit-balance")).toContainText("50");
  await expect(page.getByTestId("credit-waiters")).toContainText("1 draft waits for credits");
  const ledger = page.getByRole("table", { name: "Credit ledger" });
  await expect(ledger).toContainText("Blog writer run · −10 · settled");
  await expect(ledger.getByRole("link", { name: "Why content calendars slip" })).toBeVisible();
  await expect(ledger).toContainText("Grant · +50");

  // Agent configuration: only the fields a role uses.
  await expect(page.getByRole("form", { name: "Publisher configuration" })).toHaveCount(0);
  await expect(page.getByText("Calls no model: nothing to configure.")).toBeVisible();
  const writer = page.getByRole("form", { name: "Blog writer configuration" });
  await expect(writer.getByLabel("Model", { exact: true })).toHaveCount(0);
  await writer.getByLabel("Adapter").selectOption("anthropic");
  await expect(writer.getByLabel("Model", { exact: true })).toBeVisible();
  await expect(writer.getByLabel("Temperature")).toBeVisible();

  // A grant the API refuses keeps the note and says why under the amount.
  await page.getByLabel("Credits to grant").fill("0");
  await page.getByLabel("Note").fill("Quarterly top-up");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.locator("#field-amount-error")).toHaveText("Grant at least 1 credit");
  await expect(page.getByLabel("Credits to grant")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Note")).toHaveValue("Quarterly top-up");
  await shot(page, info, "manage-tenant-1440");

  const phone = await (
    await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      storageState: await page.context().storageState(),
    })
  ).newPage();
  await phone.goto(`${urls().manage}/tenants/${tenant.id}`);
  await expect(phone.getByRole("list", { name: "Credit ledger" })).toContainText("Blog writer run · −10 · settled");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `the tenant page scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  await shot(phone, info, "manage-tenant-390");
  await phone.goto(`${urls().manage}/failed-jobs`);
  await shot(phone, info, "manage-failed-jobs-390");
  await phone.context().close();

  // Suspending asks first; cancelling changes nothing.
  await page.getByLabel("Reason").fill("Unpaid invoice since March");
  await page.getByRole("button", { name: "Suspend tenant" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(`Suspend ${tenant.name}?`);
  await shot(page, info, "manage-tenant-suspend-confirm-1440");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("button", { name: "Reactivate tenant" })).toHaveCount(0);

  await page.getByLabel("Reason").fill("Unpaid invoice since March");
  await page.getByRole("button", { name: "Suspend tenant" }).click();
  await page.getByRole("button", { name: "Yes, suspend" }).click();
  await expect(page.getByText("Tenant suspended.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reactivate tenant" })).toBeVisible();
  await expect(
    page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Unpaid invoice since March" }),
  ).toBeVisible();
});
