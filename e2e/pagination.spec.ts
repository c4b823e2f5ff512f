import { expect, test } from "@playwright/test";
import { ACCOUNTS, apiAs, shot, signIn, urls } from "./helpers";

test("long lists page through 50 rows at a time, keeping the filter in every link", async ({ browser }, info) => {
  // 55 workspaces whose name matches one search.
  const admin = await apiAs(ACCOUNTS.admin);
  for (let i = 1; i <= 55; i++) {
    const n = String(i).padStart(2, "0");
    await admin("POST", "/admin/v1/tenants", {
      name: `Pager Workspace ${n}`,
      owner: { email: `owner-${n}@pager.leadmetrics.local`, name: `Owner ${n}` },
    });
  }

  const page = await (await browser.newContext()).newPage();
  await signIn(page, urls().manage, ACCOUNTS.admin, /\/tenants$/);
  await page.getByLabel("Search tenants").fill("Pager Workspace");
  await page.getByRole("button", { name: "Filter" }).click();

  const rows = page.getByRole("table", { name: "Tenants" }).locator("tbody tr");
  const pager = page.getByRole("navigation", { name: "Pagination" });
  await expect(rows).toHaveCount(50);
  await expect(pager).toContainText("1–50 of 55 · page 1 of 2");
  await expect(pager.getByText("Previous")).toHaveAttribute("aria-disabled", "true");
  await shot(page, info, "manage-tenants-page-1");

  await pager.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/tenants\?search=Pager\+Workspace&page=2$/);
  await expect(rows).toHaveCount(5);
  await expect(pager).toContainText("51–55 of 55 · page 2 of 2");
  await expect(pager.getByText("Next")).toHaveAttribute("aria-disabled", "true");
  // Newest first: page 2 holds the five created first.
  await expect(rows.first()).toContainText("Pager Workspace 05");
  await expect(rows.last()).toContainText("Pager Workspace 01");

  await pager.getByRole("link", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/tenants\?search=Pager\+Workspace$/);
  await expect(rows.first()).toContainText("Pager Workspace 55");
});
