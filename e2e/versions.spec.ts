import { expect, test } from "@playwright/test";
import { ACCOUNTS, activitiesOf, apiAs, createPlan, shot, signIn, urls } from "./helpers";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true };

/** An Acme blog post redrafted once: version 1, then version 2 written for the reviewer's feedback. */
async function redraftedActivity() {
  const acme = await apiAs(ACCOUNTS.acme);
  const dm = await apiAs(ACCOUNTS.reviewer);
  const planId = await createPlan(acme, "Versions");
  const id = (await activitiesOf(acme, planId, { status: "dm_review" }))[0]!.id;
  await dm("POST", `/dm/v1/activities/${id}/reject`, { feedback: "Open with a customer story instead." });
  await expect(async () => {
    const a = await dm<{ status: string; versions: unknown[] }>("GET", `/dm/v1/activities/${id}`);
    expect(a.status).toBe("dm_review");
    expect(a.versions).toHaveLength(2);
  }).toPass({ timeout: 30_000 });
  return { id, dm };
}

test("a reviewer views any version, compares it, and restores an older one; the decision stays in reach on a phone", async ({
  browser,
}, info) => {
  const { id, dm } = await redraftedActivity();

  // On a phone: the draft first, the decision always on screen, nothing sideways.
  const phone = await (await browser.newContext(PHONE)).newPage();
  await signIn(phone, urls().dm, ACCOUNTS.reviewer, /\/review$/);
  await phone.goto(`${urls().dm}/review/${id}`);
  const bar = phone.getByTestId("decision-bar");
  await expect(bar.getByRole("button", { name: "Approve for the client" })).toBeInViewport();
  await expect(bar.getByRole("link", { name: "Request changes" })).toBeInViewport();
  await phone.mouse.wheel(0, 2_000);
  await expect(bar.getByRole("button", { name: "Approve for the client" })).toBeInViewport();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await shot(phone, info, "dm-review-versions-390");
  await phone.context().close();

  // On a wide screen: the versions, newest first; version 1 viewed and restored.
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signIn(page, urls().dm, ACCOUNTS.reviewer, /\/review$/);
  await page.goto(`${urls().dm}/review/${id}`);
  await expect(page.getByTestId("decision-bar")).toBeHidden();
  const versions = page.getByTestId("versions");
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(page.getByText("Compared with version 1")).toBeVisible();
  await versions.getByRole("link", { name: "Version 1" }).click();
  await expect(page).toHaveURL(`${urls().dm}/review/${id}?v=1`);
  await expect(page.getByText("You are viewing version 1, not the current one.")).toBeVisible();
  const first = await dm<{ versions: { number: number; title: string; body: string }[] }>(
    "GET",
    `/dm/v1/activities/${id}`,
  );
  const v1 = first.versions.find((v) => v.number === 1)!;
  await expect(page.getByTestId("draft-title")).toHaveText(v1.title);
  await shot(page, info, "dm-review-version-1");
  await page.getByRole("link", { name: "restore it in the editor" }).click();
  await expect(page.getByLabel("Title")).toHaveValue(v1.title);
  await page.getByRole("button", { name: "Restore version 1 and approve" }).click();
  await expect(page).toHaveURL(/after=edit/);

  const after = await dm<{ status: string; versions: { number: number; body: string; authorType: string }[] }>(
    "GET",
    `/dm/v1/activities/${id}`,
  );
  expect(after.status).toBe("client_review");
  expect(after.versions[0]).toMatchObject({ number: 3, authorType: "user" });
  expect(after.versions[0]!.body.trim()).toBe(v1.body.trim());

  // The client, on a phone: the approval in reach, every version viewable.
  const client = await (await browser.newContext(PHONE)).newPage();
  await signIn(client, urls().dashboard, ACCOUNTS.acme, /\/activities$/);
  await client.goto(`${urls().dashboard}/activities/${id}`);
  await expect(
    client.getByTestId("decision-bar").getByRole("button", { name: "Approve and publish" }),
  ).toBeInViewport();
  await client.goto(`${urls().dashboard}/activities/${id}?v=2`);
  await expect(client.getByText("You are viewing version 2, an earlier one.")).toBeVisible();
  await shot(client, info, "dashboard-activity-version-390");
  await client.context().close();
});
