import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, shot, signIn, urls } from "./helpers";

// Globex's team and plans, so Acme's data in the other specs is untouched.
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

/** Holds the browser's next server-action POST to `path` until `release()` (to see the pending state). */
async function holdNextAction(page: Page, path: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let posts = 0;
  await page.route(
    (url) => url.pathname === path,
    async (route) => {
      if (route.request().method() === "POST") {
        posts += 1;
        await released;
      }
      await route.continue();
    },
  );
  return { release, posts: () => posts };
}

test.describe
  .serial("forms say what happens", () => {
    test("a refused invitation keeps what was typed, the error under its field; sending is pending once, then a toast", async ({
      browser,
    }, info) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${urls().dashboard}/team`);
      const form = page.getByRole("form", { name: "Invite someone" });
      await form.getByLabel("Name").fill("Jane Doe");
      // The browser lets it through; the API does not.
      await form.getByLabel("Email").fill("jane@example");
      await form.getByLabel("Role").selectOption("admin");
      await form.getByRole("button", { name: "Send invitation" }).click();

      await expect(form.getByTestId("form-summary")).toHaveText("Check the field marked below: Email.");
      await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await expect(form.getByLabel("Email")).toBeFocused();
      await expect(form.getByRole("alert")).toHaveText("Invalid email address");
      await expect(form.getByLabel("Name")).toHaveValue("Jane Doe");
      await expect(form.getByLabel("Email")).toHaveValue("jane@example");
      await expect(form.getByLabel("Role")).toHaveValue("admin");
      await shot(page, info, "forms-invite-refused-1440");

      // Pending: the button is disabled and says what is happening; a second click sends nothing.
      const held = await holdNextAction(page, "/team");
      await form.getByLabel("Email").fill("jane.doe@globex-e2e.leadmetrics.local");
      await form.getByRole("button", { name: "Send invitation" }).click();
      const pending = form.getByRole("button", { name: "Sending the invitation…" });
      await expect(pending).toBeDisabled();
      await pending.click({ force: true });
      await page.keyboard.press("Enter");
      expect(held.posts()).toBe(1);
      await shot(page, info, "forms-invite-pending-1440");
      held.release();

      await expect(page.getByRole("status").filter({ hasText: "Invitation sent to Jane Doe" })).toBeVisible();
      await expect(form.getByLabel("Email")).toHaveValue("");
      expect(held.posts()).toBe(1);
      await expect(
        page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: "Jane Doe" }),
      ).toHaveCount(1);
    });

    test("removing a member asks first: Escape and Cancel keep them, Remove removes them, with a toast shown once", async ({
      browser,
    }, info) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${urls().dashboard}/team`);
      const table = page.getByRole("table", { name: "Members" });
      const remove = table.getByRole("button", { name: "Remove Jane Doe" });
      const dialog = page.getByRole("dialog", { name: "Remove Jane Doe from Globex Marketing?" });

      await remove.click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
      await shot(page, info, "forms-confirm-remove-1440");
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();

      await remove.click();
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await expect(dialog).toBeHidden();
      await page.reload();
      await expect(table.getByRole("row").filter({ hasText: "Jane Doe" })).toHaveCount(1);

      await remove.click();
      await dialog.getByRole("button", { name: "Remove" }).click();
      const toast = page.getByRole("status").filter({ hasText: "Jane Doe was removed from the workspace." });
      await expect(toast).toBeVisible();
      await expect(table.getByRole("row").filter({ hasText: "Jane Doe" })).toHaveCount(0);
      await shot(page, info, "forms-removed-toast-1440");
      await toast.getByRole("button", { name: "Dismiss" }).click();
      await expect(toast).toBeHidden();

      // Shown once: the next page has no toast.
      await page.reload();
      await expect(table).toBeVisible();
      await expect(page.getByTestId("toast")).toHaveCount(0);
      expect((await page.context().cookies()).some((c) => c.name === "lm_flash")).toBe(false);
    });

    test("a plan form keeps what was typed when refused, and its creation is a toast on the plan's page", async ({
      browser,
    }, info) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${urls().dashboard}/plans`);
      const form = page.getByRole("form", { name: "New plan" });
      await form.getByLabel("Name").fill("Forms spring plan");
      await form.getByLabel("Number of periods").fill("3");
      await form.getByLabel("Blog posts").fill("0");
      await form.getByRole("button", { name: "Create draft plan" }).click();
      await expect(form.getByTestId("form-summary")).toHaveText("Check the field marked below: Per period.");
      await expect(form.getByRole("alert")).toHaveText("Choose at least one deliverable: set a number above 0.");
      await expect(form.getByLabel("Name")).toHaveValue("Forms spring plan");
      await expect(form.getByLabel("Number of periods")).toHaveValue("3");
      await shot(page, info, "forms-plan-refused-1440");

      await form.getByLabel("Blog posts").fill("2");
      await form.getByRole("button", { name: "Create draft plan" }).click();
      await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
      await expect(
        page.getByRole("status").filter({ hasText: "Draft plan “Forms spring plan” created." }),
      ).toBeVisible();

      // Rejecting asks first, with the reason in the dialog.
      await page.getByRole("button", { name: "Submit for approval" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Submitted for approval." })).toBeVisible();
      await page.getByRole("button", { name: "Reject plan…" }).click();
      const dialog = page.getByRole("dialog", { name: "Reject the plan “Forms spring plan”?" });
      await expect(dialog.getByLabel("Reason for rejecting")).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await page.getByRole("button", { name: "Reject plan…" }).click();
      await dialog.getByLabel("Reason for rejecting").fill("Two posts a week is too many for spring.");
      await dialog.getByRole("button", { name: "Reject plan" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Plan rejected." })).toBeVisible();
      await expect(page.getByText("Rejected: Two posts a week is too many for spring.")).toBeVisible();
    });

    test("on a phone: the refused form, the dialog and the toast fit", async ({ browser }, info) => {
      const phone = await (
        await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
      ).newPage();
      await signIn(phone, urls().dashboard, ACCOUNTS.globex, /\/activities$/);
      await phone.goto(`${urls().dashboard}/team`);
      const form = phone.getByRole("form", { name: "Invite someone" });
      await form.getByLabel("Name").fill("Jon Phone");
      await form.getByLabel("Email").fill("jon@example");
      await form.getByRole("button", { name: "Send invitation" }).click();
      await expect(form.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
      await noSidewaysScroll(phone);
      await shot(phone, info, "forms-invite-refused-390");
      await form.getByLabel("Email").fill("jon.phone@globex-e2e.leadmetrics.local");
      await form.getByRole("button", { name: "Send invitation" }).click();
      await expect(phone.getByRole("status").filter({ hasText: "Invitation sent to Jon Phone" })).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "forms-toast-390");
      await phone.getByRole("list", { name: "Members" }).getByRole("button", { name: "Remove Jon Phone" }).click();
      await expect(phone.getByRole("dialog", { name: "Remove Jon Phone from Globex Marketing?" })).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "forms-confirm-remove-390");
    });
  });
