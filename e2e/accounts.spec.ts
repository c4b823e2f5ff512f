import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, apiAs, linkFromEmail, shot, urls } from "./helpers";

/** The form an emailed link opens: the password, typed twice. */
async function choosePassword(page: Page, password: string, again: string, button: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("The same password again").fill(again);
  await page.getByRole("button", { name: button }).click();
}

test("an invited member accepts from the email, then resets a forgotten password from the sign-in page", async ({
  browser,
}, info) => {
  const { dashboard } = urls();
  const email = "new-member@acme-e2e.leadmetrics.local";
  const acme = await apiAs(ACCOUNTS.acme);
  await acme("POST", "/tenant/v1/members", { email, name: "Nia Newmember", role: "member" });

  // The invitation email opens the portal's accept page.
  const page = await (await browser.newContext()).newPage();
  const invite = await linkFromEmail(email, /invited to Acme Digital/, "/accept-invite");
  expect(invite.startsWith(`${dashboard}/accept-invite?token=`)).toBe(true);
  await page.goto(invite);
  await shot(page, info, "dashboard-accept-invite");
  await choosePassword(page, "nias-first-password", "a-different-one", "Create my account");
  await expect(page.getByText("The two passwords differ")).toBeVisible();
  await choosePassword(page, "nias-first-password", "nias-first-password", "Create my account");
  await expect(page).toHaveURL(/\/login\?reason=invite_accepted$/);
  await expect(page.getByText("Your account is ready")).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("nias-first-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/activities$/);

  // Forgotten: from the sign-in page to a new password, by email.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`${dashboard}/login`);
  await fresh.getByRole("link", { name: "Forgot your password?" }).click();
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByRole("button", { name: "Email me a link" }).click();
  await expect(fresh.getByText("If an account exists for that address, the link is on its way.")).toBeVisible();
  const reset = await linkFromEmail(email, /Reset your Leadmetrics password/, "/reset-password");
  await fresh.goto(reset);
  await choosePassword(fresh, "short", "short", "Change my password");
  await expect(fresh.getByText("Password must be at least 10 characters.")).toBeVisible();
  await choosePassword(fresh, "nias-second-password", "nias-second-password", "Change my password");
  await expect(fresh).toHaveURL(/\/login\?reason=password_reset$/);
  await shot(fresh, info, "dashboard-password-changed");

  // The link worked once; the old password and the old session are gone.
  await fresh.goto(reset);
  await choosePassword(fresh, "nias-third-password", "nias-third-password", "Change my password");
  await expect(fresh.getByText("This link is invalid, used or expired")).toBeVisible();
  await page.goto(`${dashboard}/activities`);
  await expect(page).toHaveURL(/\/login/);
  await fresh.goto(`${dashboard}/login`);
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill("nias-first-password");
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh.getByText("Email or password is incorrect")).toBeVisible();
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill("nias-second-password");
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(/\/activities$/);
});

test("a new agency signs up in two steps, starts with welcome credits and gets its first drafts", async ({
  browser,
}, info) => {
  const { dashboard } = urls();
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${dashboard}/login`);
  await page.getByRole("link", { name: "Create a workspace" }).click();
  await expect(page).toHaveURL(/\/register$/);
  await page.getByLabel("Your name").fill("Sam Signup");
  await page.getByLabel("Work email").fill("sam@signup-e2e.leadmetrics.local");
  await page.getByLabel("Password", { exact: true }).fill("sams-long-password");
  await page.getByLabel("The same password again").fill("sams-long-password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/register\/workspace$/);
  await page.getByLabel("Workspace name").fill("Signup Studio");
  await page.getByLabel("Time zone").selectOption("Europe/Berlin");
  await shot(page, info, "dashboard-register-workspace");
  await page.getByRole("button", { name: "Create my workspace" }).click();

  await expect(page).toHaveURL(/\/activities\?welcome=1$/);
  await expect(page.getByText("Welcome: your workspace is ready")).toBeVisible();
  await shot(page, info, "dashboard-welcome");
  await page.goto(`${dashboard}/credits`);
  await expect(page.getByTestId("credits-available")).toHaveText("100");

  // The sign-up session is single-use: going back to step 2 starts again.
  await page.goto(`${dashboard}/register/workspace`);
  await expect(page).toHaveURL(/\/register$/);

  await page.goto(`${dashboard}/plans`);
  await page.getByLabel("Name").fill("First month");
  await page.getByRole("button", { name: "Create draft plan" }).click();
  await page.getByRole("button", { name: "Submit for approval" }).click();
  await page.getByRole("button", { name: "Approve plan" }).click();
  await expect(page).toHaveURL(/\/activities/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "In review" }).getByRole("link")).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await page.goto(`${dashboard}/credits`);
  // The planner (1) and the blog draft (10) were paid from the welcome credits.
  await expect(page.getByTestId("credits-available")).toHaveText("89");
});
