import { createTokenSigner } from "@leadmetrics/auth";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, shot, signIn, urls } from "./helpers";

test.describe
  .serial("portals", () => {
    test.beforeAll(async () => {
      const acme = await apiAs(ACCOUNTS.acme);
      await acme("POST", "/tenant/v1/channels/wordpress", {
        name: "Acme blog",
        siteUrl: urls().wordpress,
        username: "acme-editor",
        applicationPassword: "e2e app password",
      });
    });

    test("the whole loop across the portals, each person in their own browser", async ({ browser }, info) => {
      const { dashboard, dm } = urls();
      const client = await (await browser.newContext()).newPage();
      const reviewer = await (await browser.newContext()).newPage();

      // The client creates and approves a plan in the Dashboard.
      await signIn(client, dashboard, ACCOUNTS.acme, /\/activities$/);
      await client.goto(`${dashboard}/plans`);
      await shot(client, info, "dashboard-plans");
      await client.getByLabel("Name").fill("E2E spring campaign");
      await client.getByRole("button", { name: "Create draft plan" }).click();
      await expect(client).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
      await client.getByRole("button", { name: "Submit for approval" }).click();
      await client.getByRole("button", { name: "Approve plan" }).click();
      await expect(client).toHaveURL(/\/activities/);
      const inReview = client.getByRole("region", { name: "In review" }).getByRole("link");
      await expect(async () => {
        await client.reload();
        await expect(inReview).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await shot(client, info, "dashboard-activities");

      // The DM reviewer rejects the first draft with feedback.
      await signIn(reviewer, dm, ACCOUNTS.reviewer, /\/review$/);
      await shot(reviewer, info, "dm-review-queue");
      await reviewer
        .getByRole("table", { name: "Drafts waiting for review" })
        .getByRole("link", { name: /^Acme Digital: blog post/ })
        .click();
      await expect(reviewer).toHaveURL(/\/review\/[0-9a-f-]{36}$/);
      const activityUrl = reviewer.url();
      const activityId = activityUrl.split("/").pop()!;
      await expect(reviewer.getByText("Draft · version 1")).toBeVisible();
      await shot(reviewer, info, "dm-review-draft");
      const feedback = "Open with the 20% spring discount.";
      await reviewer.getByLabel("Feedback for the agent").fill(feedback);
      await reviewer.getByRole("button", { name: "Reject with feedback" }).click();
      await expect(reviewer).toHaveURL(/\/review(\/[0-9a-f-]{36})?\?after=reject/);
      await expect(reviewer.getByText("Rejected: the agent is redrafting with your feedback.")).toBeVisible();

      // The agent redrafts with the feedback; the reviewer approves the redraft.
      await expect(async () => {
        await reviewer.goto(activityUrl);
        await expect(reviewer.getByText("Draft · version 2")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      // The writer's note on the change sits beside the draft; the draft itself holds no feedback.
      await expect(reviewer.getByTestId("change-note")).toContainText(feedback);
      await expect(reviewer.getByTestId("draft-body")).not.toContainText(feedback);
      await expect(reviewer.getByTestId("diff")).toBeVisible();
      await shot(reviewer, info, "dm-review-redraft-diff");
      // The client watches the board: it updates live, and the bell counts the new notification.
      await client.goto(`${dashboard}/activities`);
      const unreadBefore = Number(await client.getByTestId("unread-count").textContent());
      await reviewer.getByRole("button", { name: "Approve for the client" }).click();
      await expect(reviewer.getByText("the client has been asked for the final approval")).toBeVisible();
      // This activity's card (other specs' work for Acme may wait there too): it arrives without a reload.
      await expect(
        client.getByRole("region", { name: "Waiting for you" }).locator(`a[href="/activities/${activityId}"]`),
      ).toHaveCount(1);
      await expect(client.getByTestId("unread-count")).toHaveText(String(unreadBefore + 1));
      await shot(client, info, "dashboard-live-update");

      // The client approves; the content shows as published.
      await client.goto(`${dashboard}/activities/${activityId}`);
      // The draft reads as it will be published: headings rendered, no Markdown marks, no review notes.
      await expect(client.getByTestId("draft-body").locator("h2")).toBeVisible();
      await expect(client.getByTestId("draft-body")).not.toContainText("## ");
      await expect(client.getByTestId("draft-body")).not.toContainText(feedback);
      await expect(client.getByTestId("change-note")).toContainText(feedback);
      await shot(client, info, "dashboard-client-review");
      await client.getByRole("button", { name: "Approve and publish" }).click();
      await expect(async () => {
        await client.goto(`${dashboard}/activities/${activityId}`);
        await expect(client.getByText("Published at")).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: 60_000 });
      await expect(client.getByRole("link", { name: new RegExp(`^${urls().wordpress}/lm-`) })).toBeVisible();
      await shot(client, info, "dashboard-published");
    });

    test("an expired access token is refreshed silently; after logout the old cookie no longer works", async ({
      browser,
    }) => {
      const { dashboard } = urls();
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, dashboard, ACCOUNTS.acme, /\/activities$/);
      const access = (await context.cookies()).find((c) => c.name === "dashboard_access_token")!;
      const claims = JSON.parse(Buffer.from(access.value.split(".")[1]!, "base64url").toString());
      const expired = await createTokenSigner({
        secret: process.env.E2E_JWT_SECRET!,
        accessTtlSeconds: -60,
      }).signAccess({
        kind: claims.kind,
        sub: claims.sub,
        tenantId: claims.tenantId,
        role: claims.role,
        appAccess: claims.appAccess,
        fid: claims.fid,
      });
      await context.addCookies([{ ...access, value: expired.token }]);
      await page.goto(`${dashboard}/plans`);
      await expect(page).toHaveURL(/\/plans$/);
      await expect(page.getByRole("heading", { name: "Deliverable plans" })).toBeVisible();
      const renewed = (await context.cookies()).find((c) => c.name === "dashboard_access_token")!;
      expect(renewed.value).not.toBe(expired.token);

      const beforeLogout = await context.cookies();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/login/);
      const stale = await browser.newContext();
      await stale.addCookies(beforeLogout);
      const stalePage = await stale.newPage();
      await stalePage.goto(`${dashboard}/activities`);
      await expect(stalePage).toHaveURL(/\/login/);
    });

    test("signing out everywhere ends the account's sessions on every device", async ({ browser }) => {
      const { dashboard } = urls();
      const laptop = await (await browser.newContext()).newPage();
      const phone = await (await browser.newContext()).newPage();
      await signIn(laptop, dashboard, ACCOUNTS.globex, /\/activities$/);
      await signIn(phone, dashboard, ACCOUNTS.globex, /\/activities$/);
      await laptop.getByRole("button", { name: "Everywhere" }).click();
      await expect(laptop).toHaveURL(/\/login/);
      await phone.goto(`${dashboard}/plans`);
      await expect(phone).toHaveURL(/\/login/);
      // Signing in again works as usual.
      await signIn(phone, dashboard, ACCOUNTS.globex, /\/activities$/);
    });

    test("a client of Acme opening the URL of a Globex activity gets a not-found page", async ({ browser }, info) => {
      const globex = await apiAs(ACCOUNTS.globex);
      const planId = await createPlan(globex, "Globex secret");
      const activityId = (await activitiesOf(globex, planId))[0]!.id;

      const page = await (await browser.newContext()).newPage();
      await signIn(page, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
      const res = await page.goto(`${urls().dashboard}/activities/${activityId}`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "This activity was not found" })).toBeVisible();
      await expect(page.getByText("Globex")).toHaveCount(0);
      await shot(page, info, "dashboard-not-found");
    });

    test("a reviewer goes straight on to the next draft, oldest first, and can step back", async ({
      browser,
    }, info) => {
      const acme = await apiAs(ACCOUNTS.acme);
      const dmApi = await apiAs(ACCOUNTS.reviewer);
      const planId = await createPlan(acme, "Two drafts", { items: [{ deliverableType: "blog_post", quantity: 2 }] });
      const queue = () => dmApi<{ items: { id: string }[] }>("GET", "/dm/v1/review-queue?pageSize=100");
      const mine = (await activitiesOf(acme, planId, { status: "dm_review", count: 2 })).map((a) => a.id);

      const page = await (await browser.newContext()).newPage();
      await signIn(page, urls().dm, ACCOUNTS.reviewer, /\/review$/);
      const first = mine[0]!;
      await page.goto(`${urls().dm}/review/${first}`);
      await page.getByRole("button", { name: "Approve for the client" }).click();
      // The oldest draft still waiting, whoever it belongs to.
      const next = (await queue()).items[0]!.id;
      await expect(page).toHaveURL(`${urls().dm}/review/${next}?after=approve&prev=${first}`);
      await expect(
        page.getByText(
          "Approved: the client has been asked for the final approval. This is the next draft in the queue.",
        ),
      ).toBeVisible();
      await shot(page, info, "dm-next-draft");
      await page.getByRole("link", { name: "Back to the previous one" }).click();
      await expect(page).toHaveURL(`${urls().dm}/review/${first}`);
      await expect(page.getByText("With the client", { exact: true }).first()).toBeVisible();
    });
  });
