import { randomUUID } from "node:crypto";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, linkFromEmail, PASSWORD, shot, signIn, urls } from "./helpers";

/** A page at a laptop's width and a phone's, for the screenshots a person looks at. */
async function shotBoth(page: Page, info: TestInfo, name: string) {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shot(page, info, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("states and pages", () => {
  test("each portal's icon answers without a session, and its pages link it", async ({ page }) => {
    for (const portal of [urls().dashboard, urls().dm, urls().manage]) {
      const res = await fetch(`${portal}/icon.svg`, { redirect: "manual" });
      expect(res.status, portal).toBe(200);
      expect(res.headers.get("content-type")).toContain("image/svg+xml");
      await page.goto(`${portal}/login`);
      const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
      expect(href).toMatch(/^\/icon\.svg/);
      expect((await fetch(`${portal}${href}`, { redirect: "manual" })).status).toBe(200);
    }
  });

  test("titles name the page, the object and the workspace", async ({ browser }) => {
    const client = await (await browser.newContext()).newPage();
    await signIn(client, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
    await expect(client).toHaveTitle("Activities — Acme Digital · Leadmetrics");
    await client.goto(`${urls().dashboard}/plans`);
    await expect(client).toHaveTitle("Plans — Acme Digital · Leadmetrics");

    const reviewer = await (await browser.newContext()).newPage();
    await signIn(reviewer, urls().dm, ACCOUNTS.reviewer, /\/review$/);
    await expect(reviewer).toHaveTitle("Review queue · Leadmetrics DM");

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, urls().manage, ACCOUNTS.admin, /\/tenants$/);
    await expect(admin).toHaveTitle("Tenants · Leadmetrics Manage");
    // Other specs add tenants: find Acme by name rather than on the first page.
    await admin.goto(`${urls().manage}/tenants?search=Acme+Digital`);
    await admin.getByRole("link", { name: "Acme Digital" }).click();
    await expect(admin).toHaveTitle("Tenant: Acme Digital · Leadmetrics Manage");
  });

  test("an unknown id, or one that is not an id, is a calm not-found page with a way back", async ({
    browser,
  }, info) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
    for (const id of [randomUUID(), "not-an-id"]) {
      const res = await page.goto(`${urls().dashboard}/activities/${id}`);
      expect(res?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { name: "This activity was not found" })).toBeVisible();
    }
    await shotBoth(page, info, "dashboard-activity-not-found");
    await page.getByRole("link", { name: "Back to your activities" }).click();
    await expect(page).toHaveURL(/\/activities$/);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, urls().manage, ACCOUNTS.admin, /\/tenants$/);
    expect((await admin.goto(`${urls().manage}/failed-jobs/${randomUUID()}`))?.status()).toBe(404);
    await expect(admin.getByRole("heading", { name: "This failed job was not found" })).toBeVisible();
    expect((await admin.goto(`${urls().manage}/no-such-page`))?.status()).toBe(404);
    await expect(admin.getByRole("heading", { name: "This page was not found" })).toBeVisible();
  });

  test("after a reviewer's rejection the history says who asked for what, by name", async ({ browser }, info) => {
    const acme = await apiAs(ACCOUNTS.acme);
    const dmApi = await apiAs(ACCOUNTS.reviewer);
    const planId = await createPlan(acme, "History in words");
    const activity = (await activitiesOf(acme, planId, { status: "dm_review" }))[0]!;
    const feedback = "Lead with the customer story, not the product.";
    await dmApi("POST", `/dm/v1/activities/${activity.id}/reject`, { feedback });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
    await page.goto(`${urls().dashboard}/activities/${activity.id}`);
    await expect(page).toHaveTitle(`Blog post: ${activity.title} — Acme Digital · Leadmetrics`);
    const history = page.getByTestId("history");
    await expect(history).toContainText("The blog writer drafted version 1");
    await expect(history).toContainText(`Riley Reviewer (reviewer) asked for changes:${feedback}`);
    await history.scrollIntoViewIfNeeded();
    await shotBoth(page, info, "dashboard-history-in-words");

    const reviewer = await (await browser.newContext()).newPage();
    await signIn(reviewer, urls().dm, ACCOUNTS.reviewer, /\/review$/);
    await reviewer.goto(`${urls().dm}/review/${activity.id}`);
    await expect(reviewer).toHaveTitle(`Blog post: ${activity.title} — Acme Digital · Leadmetrics DM`);
    await expect(reviewer.getByTestId("history")).toContainText("Riley Reviewer (reviewer) asked for changes:");
  });

  test("a suspended workspace's member sees a calm page saying so, never an error; the audit log names who did it", async ({
    browser,
  }, info) => {
    // A workspace of its own, so that suspending it leaves the other tests' workspaces alone.
    const admin = await apiAs(ACCOUNTS.admin);
    const email = "owner@paused-e2e.leadmetrics.local";
    const tenant = await admin<{ id: string }>("POST", "/admin/v1/tenants", {
      name: "Paused Goods",
      owner: { email, name: "Pat Paused" },
    });
    const invite = await linkFromEmail(email, /Paused Goods/, "/accept-invite");
    const token = new URL(invite).searchParams.get("token")!;
    const accepted = await fetch(`${urls().api}/auth/v1/accept-invite`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: PASSWORD }),
    });
    expect(accepted.status).toBe(200);
    await admin("POST", `/admin/v1/tenants/${tenant.id}/suspend`, { reason: "E2E: invoice unpaid" });

    const page = await (await browser.newContext()).newPage();
    await signIn(page, urls().dashboard, email, /\/suspended$/);
    const panel = page.getByTestId("suspended");
    await expect(panel.getByRole("heading", { name: "This workspace is suspended" })).toBeVisible();
    await expect(panel).toContainText("Paused Goods has been suspended since");
    await expect(panel).toContainText("kept safe");
    await expect(panel.getByRole("link", { name: "Email support@leadmetrics.local" })).toBeVisible();
    await expect(panel).not.toContainText("invoice unpaid");
    await expect(page).toHaveTitle("Workspace suspended · Leadmetrics");
    await shotBoth(page, info, "dashboard-suspended");
    // Every page of the workspace leads here: no error page, no 500.
    for (const path of ["/activities", "/plans", "/team", `/activities/${randomUUID()}`]) {
      const res = await page.goto(`${urls().dashboard}${path}`);
      expect(res?.status(), path).toBe(200);
      await expect(page).toHaveURL(/\/suspended$/);
    }
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    // Manage's audit log names the admin and links the tenant, instead of ids.
    const manage = await (await browser.newContext()).newPage();
    await signIn(manage, urls().manage, ACCOUNTS.admin, /\/tenants$/);
    await manage.goto(`${urls().manage}/audit?tenantId=${tenant.id}&action=tenant.`);
    const row = manage
      .getByRole("table", { name: "Audit log" })
      .getByRole("row")
      .filter({ hasText: "tenant.suspended" });
    await expect(row).toContainText(ACCOUNTS.admin);
    await expect(row.getByRole("link", { name: "Paused Goods" }).first()).toHaveAttribute(
      "href",
      `/tenants/${tenant.id}`,
    );
    await shotBoth(manage, info, "manage-audit-names");
  });
});
