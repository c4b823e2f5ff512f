import { expect, type Page, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, shot, signIn, urls } from "./helpers";

// Acme connects LinkedIn through the sandbox's consent page (a local server speaking LinkedIn's
// wire format), plans one post for its company page, and the post goes from plan to published
// on that server, each person in their own portal.
const linkedin = () => process.env.E2E_LINKEDIN_URL!;
const POST =
  "Spring is here: the new Acme dashboard shows every campaign at a glance.\n\nSee it: https://acme.example/spring #launch #marketing";
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );

test.describe
  .serial("social publishing", () => {
    let activityId = "";

    test("LinkedIn is connected in the Dashboard: consent, the company page picked, shown with its health and sign-in", async ({
      browser,
    }, info) => {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
      await page.goto(`${urls().dashboard}/channels`);
      const networks = page.getByRole("list", { name: "Social networks" });
      await expect(networks.getByRole("listitem")).toHaveCount(5);
      await shot(page, info, "social-channels-before-1440");

      await networks.getByRole("link", { name: "Connect LinkedIn" }).click();
      await expect(page).toHaveURL(new RegExp(`^${linkedin()}/oauth/v2/authorization\\?`));
      await expect(page.getByRole("heading", { name: "Allow this app to use your LinkedIn account?" })).toBeVisible();
      await page.getByRole("link", { name: "Allow" }).click();

      await expect(page).toHaveURL(/\/channels\/connect\/[0-9a-f-]{36}$/);
      await expect(page.getByRole("heading", { name: "Choose the LinkedIn account to connect" })).toBeVisible();
      const accounts = page.getByRole("list", { name: "LinkedIn accounts" });
      await expect(accounts.getByRole("listitem")).toHaveCount(2);
      await expect(accounts.getByRole("listitem").filter({ hasText: "Acme Corp" })).toContainText("Company page");
      await expect(accounts.getByRole("listitem").filter({ hasText: "Lena Lead" })).toContainText("Personal profile");
      await noSidewaysScroll(page);
      await shot(page, info, "social-picker-1440");
      await accounts.getByRole("button", { name: "Connect Acme Corp" }).click();

      await expect(page).toHaveURL(/\/channels$/);
      await expect(page.getByRole("status").filter({ hasText: "Acme Corp on LinkedIn is connected." })).toBeVisible();
      const row = page
        .getByRole("table", { name: "Connected channels" })
        .getByRole("row")
        .filter({ hasText: "Acme Corp" });
      await expect(row).toContainText("LinkedIn · Company page");
      await expect(row.getByTestId("channel-health")).toHaveText("Healthy");
      await expect(row).toContainText("Sign-in renews automatically");
      await expect(row.getByRole("button", { name: "Remove Acme Corp" })).toBeVisible();
      await expect(row.getByRole("link", { name: /Reconnect/ })).toHaveCount(0);
      await noSidewaysScroll(page);
      await shot(page, info, "social-channels-1440");

      // On a phone: the same list as cards; connecting again offers the page already connected as such.
      const phone = await (
        await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
      ).newPage();
      await signIn(phone, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
      await phone.goto(`${urls().dashboard}/channels`);
      await expect(
        phone.getByRole("list", { name: "Connected channels" }).getByRole("listitem").filter({ hasText: "Acme Corp" }),
      ).toContainText("Healthy");
      await noSidewaysScroll(phone);
      await shot(phone, info, "social-channels-390");
      await phone.getByRole("link", { name: "Connect LinkedIn" }).click();
      await phone.getByRole("link", { name: "Allow" }).click();
      await expect(phone).toHaveURL(/\/channels\/connect\/[0-9a-f-]{36}$/);
      const again = phone.getByRole("list", { name: "LinkedIn accounts" });
      await expect(again.getByRole("listitem").filter({ hasText: "Acme Corp" })).toContainText("Already connected");
      await expect(again.getByRole("button", { name: "Connect Acme Corp" })).toHaveCount(0);
      await expect(again.getByRole("button", { name: "Connect Lena Lead" })).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "social-picker-390");

      // Declining on the network's page lands on a page that says so, with the way back.
      await phone.goto(`${urls().dashboard}/channels`);
      await phone.getByRole("link", { name: "Connect LinkedIn" }).click();
      await phone.getByRole("link", { name: "Deny" }).click();
      await expect(phone).toHaveURL(/\/channels\/oauth\/failed$/);
      await expect(phone.getByTestId("connect-failure")).toContainText(
        "LinkedIn was not connected because access was not allowed. Connect again and choose Allow to let Leadmetrics publish.",
      );
      await expect(phone.getByRole("link", { name: "Connect again" })).toHaveAttribute("href", "/channels#connect");
      await noSidewaysScroll(phone);
      await shot(phone, info, "social-connect-denied-390");
    });

    test("a plan's social post goes to the chosen page: previewed in the DM and the Dashboard, approved by both, published on LinkedIn", async ({
      browser,
    }, info) => {
      const { dashboard, dm } = urls();
      const client = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(client, dashboard, ACCOUNTS.acme, /\/activities$/);
      await client.goto(`${dashboard}/plans`);
      const form = client.getByRole("form", { name: "New plan" });
      await form.getByLabel("Name").fill("LinkedIn launch");
      await form.getByLabel("Blog posts").fill("0");
      await form.getByLabel("Social posts").fill("1");
      await form.getByLabel("Account").selectOption({ label: "Acme Corp (LinkedIn)" });
      await form.getByRole("button", { name: "Create draft plan" }).click();
      await expect(client).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
      const planId = client.url().split("/").pop()!;
      await expect(client.getByText("1 × social post → Acme Corp (LinkedIn)")).toBeVisible();
      await client.getByRole("button", { name: "Submit for approval" }).click();
      await client.getByRole("button", { name: "Approve plan" }).click();
      await expect(client).toHaveURL(/\/activities/);

      const acme = await apiAs(ACCOUNTS.acme);
      activityId = (await activitiesOf(acme, planId, { status: "dm_review" }))[0]!.id;

      // The reviewer sees the post as LinkedIn will show it, with its counters, and approves it.
      const reviewer = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(reviewer, dm, ACCOUNTS.reviewer, /\/review$/);
      await reviewer.goto(`${dm}/review/${activityId}`);
      const preview = reviewer.getByRole("figure", { name: "Preview on LinkedIn" });
      await expect(preview).toContainText("Acme Corp");
      await expect(preview.getByTestId("post-limits")).toContainText(/of 3,000 characters/);
      await expect(preview.getByTestId("post-limits")).toContainText("Within LinkedIn's limits.");
      await shot(reviewer, info, "social-preview-dm-1440");
      // The edit form counts as the reviewer types; the edit is what is published.
      const editor = reviewer.getByLabel("Post text");
      const limits = reviewer.locator("#edit").getByTestId("post-limits");
      await editor.fill("#a #b #c #d #e #f #g #h #i #j #k");
      await expect(limits).toContainText("11 of 10 hashtags");
      await expect(limits).toContainText("LinkedIn posts should carry at most 10 hashtags; this one has 11.");
      await editor.fill(POST);
      await expect(limits).toContainText(`${[...POST].length} of 3,000 characters`);
      await expect(limits).toContainText("2 of 10 hashtags");
      await expect(limits).toContainText("Within LinkedIn's limits.");
      await shot(reviewer, info, "social-edit-dm-1440");
      await reviewer.getByRole("button", { name: "Save my edit and approve" }).click();
      await expect(reviewer).toHaveURL(/after=edit/);

      // The client sees where it goes and how it will look, then approves it.
      await client.goto(`${dashboard}/activities/${activityId}`);
      await expect(client.getByRole("figure", { name: "Preview on LinkedIn" })).toContainText("Acme Corp");
      const choice = client.getByRole("form", { name: "Publishing to" });
      await expect(choice.getByLabel("Account")).toHaveValue(/[0-9a-f-]{36}/);
      await expect(choice.getByLabel("Account").locator("option:checked")).toHaveText("Acme Corp (LinkedIn)");
      // An image straight from the client's computer: it joins the media library and the post.
      const picture = await client.screenshot({ clip: { x: 0, y: 0, width: 600, height: 400 } });
      const adder = client.getByRole("form", { name: "Add an image" });
      await adder
        .getByLabel("Add an image")
        .setInputFiles({ name: "launch.png", mimeType: "image/png", buffer: picture });
      await adder.getByRole("button", { name: "Upload and add" }).click();
      await expect(client.getByText(/is added to the post\./)).toBeVisible();
      await expect(
        client.getByRole("form", { name: "Publishing to" }).getByRole("checkbox", { checked: true }),
      ).toHaveCount(1);
      await expect(client.getByRole("figure", { name: "Preview on LinkedIn" }).locator("img").first()).toBeVisible();
      await noSidewaysScroll(client);
      await shot(client, info, "social-preview-dashboard-1440");
      const phone = await (
        await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })
      ).newPage();
      await signIn(phone, dashboard, ACCOUNTS.acme, /\/activities$/);
      await phone.goto(`${dashboard}/activities/${activityId}`);
      await expect(phone.getByRole("figure", { name: "Preview on LinkedIn" })).toBeVisible();
      await noSidewaysScroll(phone);
      await shot(phone, info, "social-preview-dashboard-390");

      const review = client.locator("section", { has: client.getByRole("heading", { name: "Your review" }) });
      await review.getByRole("button", { name: "Approve and publish" }).click();
      const published = client.getByText(/^Published at/);
      await expect(async () => {
        await client.reload();
        await expect(published).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await expect(client.getByRole("form", { name: "Publishing to" })).toHaveCount(0);
      const url = await published.getByRole("link").getAttribute("href");
      expect(url).toMatch(new RegExp(`^${linkedin()}/feed/update/urn:li:share:\\d+`));

      // The post is on the (local) LinkedIn, as the company page.
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("the new Acme dashboard shows every campaign at a glance.");
      await shot(client, info, "social-published-1440");
    });
  });
