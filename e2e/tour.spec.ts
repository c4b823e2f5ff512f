import { expect, test } from "@playwright/test";
import { ACCOUNTS, shot, signIn, urls } from "./helpers";

const TOUR = () =>
  [
    {
      portal: "dashboard",
      url: urls().dashboard,
      email: ACCOUNTS.acme,
      landing: /\/activities$/,
      pages: [
        "/activities",
        "/plans",
        "/context",
        "/channels",
        "/credits",
        "/team",
        "/notifications",
        "/settings/notifications",
      ],
    },
    {
      portal: "dm",
      url: urls().dm,
      email: ACCOUNTS.reviewer,
      landing: /\/review$/,
      pages: ["/review", "/needs-attention", "/notifications", "/settings/notifications"],
    },
    {
      portal: "manage",
      url: urls().manage,
      email: ACCOUNTS.admin,
      landing: /\/tenants$/,
      pages: ["/tenants", "/users", "/failed-jobs", "/audit", "/queues", "/notifications", "/settings/notifications"],
    },
  ] as const;

test("every main page of every portal renders for its user (screenshots in the artifacts)", async ({
  browser,
}, info) => {
  for (const stop of TOUR()) {
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(`${stop.portal}: ${err.message}`));
    await signIn(page, stop.url, stop.email, stop.landing);
    for (const path of stop.pages) {
      const res = await page.goto(`${stop.url}${path}`);
      expect(res?.status(), `${stop.portal}${path}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(
        page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /./ }).first(),
      ).toBeVisible();
      await shot(page, info, `${stop.portal}${path.replace(/\//g, "-")}`);
    }
    await shot(page, info, `${stop.portal}-login`);
    expect(errors).toEqual([]);
  }
});

test("every main page works on a phone (390 × 844): nothing scrolls sideways, the menu opens the links", async ({
  browser,
}, info) => {
  for (const stop of TOUR()) {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    await signIn(page, stop.url, stop.email, stop.landing);
    for (const path of stop.pages) {
      const res = await page.goto(`${stop.url}${path}`);
      expect(res?.status(), `${stop.portal}${path}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${stop.portal}${path} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
      await shot(page, info, `${stop.portal}${path.replace(/\//g, "-")}-390`);
    }
    // The links sit behind Menu, and open over the page.
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    await page.getByText("Menu", { exact: true }).click();
    await expect(nav.getByRole("link").first()).toBeInViewport();
    await shot(page, info, `${stop.portal}-menu-390`);
    await page.context().close();
  }
});

test("the queue dashboard opens for a super-admin from Manage, and for nobody else", async ({ browser }, info) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, urls().manage, ACCOUNTS.admin, /\/tenants$/);
  await admin.getByRole("link", { name: "Queues" }).click();
  // Manage says what the dashboard is; the dashboard itself opens in a tab of its own.
  await expect(admin.getByRole("heading", { name: "Queues", level: 1 })).toBeVisible();
  const open = admin.getByRole("link", { name: /Open the queue dashboard/ });
  await expect(open).toHaveAttribute("target", "_blank");
  await expect(open).toHaveAttribute("rel", "noopener");
  const [board] = await Promise.all([admin.context().waitForEvent("page"), open.click()]);
  await expect(board).toHaveURL(/\/admin\/v1\/queues/);
  await expect(board.getByText("agent__blog-writer").first()).toBeVisible();
  await shot(board, info, "manage-queues");
  const anonymous = await (await browser.newContext()).newPage();
  const res = await anonymous.goto(`${urls().api}/admin/v1/queues`);
  expect(res?.status()).toBe(401);
});

test("each portal refuses accounts without access to it", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${urls().manage}/login`);
  await page.getByLabel("Email").fill(ACCOUNTS.reviewer);
  await page.getByLabel("Password").fill("demo-password-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("This account has no access to the manage portal")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("no portal page can be framed by another site (clickjacking), and every page says so", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  for (const stop of TOUR()) {
    // Opened directly, the sign-in page works …
    const direct = await page.goto(`${stop.url}/login`);
    expect(direct?.headers()["x-frame-options"], stop.portal).toBe("DENY");
    expect(direct?.headers()["content-security-policy"], stop.portal).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    // … framed by a page of another origin, Chromium refuses to show it.
    await page.goto("about:blank");
    await page.setContent(`<iframe title="framed" src="${stop.url}/login" width="800" height="600"></iframe>`);
    const frame = page.frameLocator('iframe[title="framed"]');
    await page.waitForTimeout(500);
    await expect(frame.getByRole("button", { name: "Sign in" }), stop.portal).toHaveCount(0);
  }
});
