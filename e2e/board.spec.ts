import { createDb, type Db } from "@leadmetrics/db";
import { expect, type Page, test } from "@playwright/test";
import { Redis } from "ioredis";
import { ACCOUNTS, shot, signIn, urls } from "./helpers";

/**
 * The activities board at volume: cards, filters kept in the URL, the list view, and an agent's
 * draft streaming in. The work is written straight to Globex's database (plans, activities in
 * every state, a run in flight) and the draft's chunks straight to its Redis stream, so the test
 * controls what the agent "writes" and when; everything is removed afterwards.
 */

let db: Db;
let redis: Redis;
let tenantId: string;
const plans: { spring: string; autumn: string } = { spring: "", autumn: "" };
const ids: Record<"checklist" | "linkedin" | "recap" | "drafting" | "held", string> = {
  checklist: "",
  linkedin: "",
  recap: "",
  drafting: "",
  held: "",
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function addPlan(name: string) {
  const plan = await db.deliverablePlan.create({
    data: { tenantId, name, cadence: "weekly", startDate: new Date(day(0)), periodCount: 1, status: "approved" },
  });
  await db.deliverablePlanItem.create({
    data: { tenantId, planId: plan.id, deliverableType: "social_post", quantity: 1, channel: "linkedin" },
  });
  const period = await db.deliverablePeriod.create({
    data: { tenantId, planId: plan.id, index: 0, startsOn: new Date(day(0)), endsOn: new Date(day(6)) },
  });
  return { plan, period };
}

test.describe
  .serial("the activities board", () => {
    test.beforeAll(async () => {
      db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
      redis = new Redis(process.env.E2E_REDIS_URL!);
      tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
      const spring = await addPlan("Board spring");
      const autumn = await addPlan("Board autumn");
      plans.spring = spring.plan.id;
      plans.autumn = autumn.plan.id;
      let slot = 0;
      const add = (
        inPlan: typeof spring,
        data: { topic: string; type: "blog_post" | "social_post"; status: string; channel?: string; dueOn?: string },
      ) =>
        db.activity.create({
          data: {
            tenantId,
            planId: inPlan.plan.id,
            periodId: inPlan.period.id,
            slot: slot++,
            topic: data.topic,
            type: data.type,
            status: data.status as "planned",
            channel: data.channel ?? null,
            dueOn: data.dueOn ? new Date(data.dueOn) : null,
            revision: 1,
          },
        });
      ids.checklist = (
        await add(spring, {
          topic: "Spring launch checklist",
          type: "blog_post",
          status: "client_review",
          dueOn: day(3),
        })
      ).id;
      ids.linkedin = (
        await add(spring, {
          topic: "Spring on LinkedIn",
          type: "social_post",
          status: "dm_review",
          channel: "linkedin",
          dueOn: day(1),
        })
      ).id;
      ids.drafting = (await add(spring, { topic: "Spring drafting now", type: "blog_post", status: "drafting" })).id;
      ids.recap = (await add(autumn, { topic: "Autumn recap", type: "blog_post", status: "published" })).id;
      ids.held = (
        await add(autumn, {
          topic: "Held for credits",
          type: "social_post",
          status: "waiting_for_credits",
          channel: "linkedin",
        })
      ).id;
      await db.blogPost.create({
        data: {
          tenantId,
          activityId: ids.recap,
          title: "Autumn recap",
          body: "…",
          publishedAt: new Date("2026-11-30T09:00:00Z"),
          publishedUrl: "https://example.com/autumn-recap",
        },
      });
      await db.agentRun.create({
        data: {
          tenantId,
          runKey: `blog-writer:${ids.drafting}:1:e2e`,
          role: "blog-writer",
          activityId: ids.drafting,
          revision: 1,
          adapter: "offline",
          model: "offline",
          status: "running",
          startedAt: new Date(Date.now() - 2 * 60_000 - 5_000),
        },
      });
    });

    test.afterAll(async () => {
      await db.agentRun.deleteMany({ where: { activityId: { in: Object.values(ids) } } });
      // Activities and their posts go with their plans.
      await db.deliverablePlan.deleteMany({ where: { id: { in: [plans.spring, plans.autumn] } } });
      await redis.del(`activity_output:${ids.drafting}`);
      redis.disconnect();
      await db.$disconnect();
    });

    const card = (page: Page, title: string) => page.getByTestId("activity-card").filter({ hasText: title });

    test("cards say plan, date, channel and who they wait for; filters and search live in the URL", async ({
      browser,
    }, info) => {
      const { dashboard } = urls();
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, dashboard, ACCOUNTS.globex, /\/activities$/);

      const linkedin = card(page, "Spring on LinkedIn");
      await expect(page.getByRole("region", { name: "In review" })).toContainText("Spring on LinkedIn");
      await expect(linkedin.getByTestId("card-plan")).toHaveText("Board spring");
      await expect(linkedin).toContainText("linkedin");
      await expect(linkedin).toContainText("· tomorrow");
      await expect(linkedin.getByTestId("waits-for")).toHaveText("With your reviewer");
      await expect(card(page, "Spring launch checklist").getByTestId("waits-for")).toHaveText("Waiting for you");
      await expect(card(page, "Spring drafting now").getByTestId("waits-for")).toHaveText(/^Agent drafting · 2 min$/);
      await expect(card(page, "Autumn recap")).toContainText("Published 30 Nov 2026");
      const held = page.getByRole("region", { name: "Waiting for credits" });
      await expect(held).toContainText("Held for credits");
      await expect(held.getByRole("link", { name: "See credits" })).toHaveAttribute("href", "/credits");
      await shot(page, info, "board-1440");

      // Plan and type: in the URL, and still applied after a reload.
      await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Board spring" });
      await page.getByLabel("Type", { exact: true }).selectOption("social_post");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(new RegExp(`/activities\\?plan=${plans.spring}&type=social_post$`));
      await page.reload();
      await expect(page.getByLabel("Plan", { exact: true })).toHaveValue(plans.spring);
      await expect(page.getByTestId("activity-card")).toHaveCount(1);
      await expect(card(page, "Spring on LinkedIn")).toBeVisible();

      // Status and channel: the column's statuses, the exact channel.
      await page.getByRole("link", { name: "Clear filters" }).click();
      await expect(page).toHaveURL(/\/activities$/);
      await page.getByLabel("Status", { exact: true }).selectOption({ label: "Waiting for credits" });
      await page.getByLabel("Channel", { exact: true }).selectOption("linkedin");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/status=waiting_for_credits&channel=linkedin$/);
      await expect(page.getByTestId("activity-card")).toHaveCount(1);
      await expect(card(page, "Held for credits")).toBeVisible();

      // The search, then one that matches nothing.
      await page.goto(`${dashboard}/activities`);
      await page.getByLabel("Search activities").fill("checklist");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/\/activities\?q=checklist$/);
      await expect(page.getByTestId("activity-card")).toHaveCount(1);
      await page.getByLabel("Search activities").fill("100% nothing_like_this");
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page.getByText("No activities match these filters")).toBeVisible();
      await shot(page, info, "board-no-matches-1440");
      await page.getByRole("link", { name: "Clear filters" }).first().click();
      await expect(page).toHaveURL(/\/activities$/);

      // The list view, soonest due first, kept across a reload with its filter.
      await page.getByRole("link", { name: "List", exact: true }).click();
      await expect(page).toHaveURL(/\/activities\?view=list$/);
      await page.getByRole("link", { name: "Due date" }).click();
      await expect(page).toHaveURL(/view=list&sort=due$/);
      await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Board spring" });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(new RegExp(`view=list&plan=${plans.spring}&sort=due$`));
      await page.reload();
      const rows = page.getByRole("table", { name: "Activities" }).locator("tbody tr");
      await expect(rows).toHaveCount(3);
      await expect(rows.nth(0)).toContainText("Spring on LinkedIn");
      await expect(rows.nth(1)).toContainText("Spring launch checklist");
      await expect(rows.nth(2)).toContainText("Spring drafting now");
      await shot(page, info, "board-list-1440");
    });

    test("on a phone the columns stack, the filters fold away, and nothing scrolls sideways", async ({
      browser,
    }, info) => {
      const { dashboard } = urls();
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await signIn(page, dashboard, ACCOUNTS.globex, /\/activities$/);
      await expect(page.getByLabel("Plan", { exact: true })).toBeHidden();
      await shot(page, info, "board-390");
      await page.getByText("Filters", { exact: true }).click();
      await expect(page.getByLabel("Plan", { exact: true })).toBeVisible();
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(await sideways()).toBe(false);
      await page.goto(`${dashboard}/activities?view=list&plan=${plans.spring}`);
      // Active filters open the fold, so what is applied shows.
      await expect(page.getByLabel("Plan", { exact: true })).toBeVisible();
      await expect(page.getByRole("list", { name: "Activities" }).getByRole("listitem")).toHaveCount(3);
      expect(await sideways()).toBe(false);
      await shot(page, info, "board-list-390");
    });

    test("while the agent drafts, the activity page shows the time running and the draft as it streams in", async ({
      browser,
    }, info) => {
      const { dashboard } = urls();
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await signIn(page, dashboard, ACCOUNTS.globex, /\/activities$/);
      await page.goto(`${dashboard}/activities/${ids.drafting}`);
      const live = page.getByRole("region", { name: "Live draft" });
      await expect(live).toContainText("Blog writer is writing");
      await expect(live.getByTestId("elapsed")).toHaveText("2 min");
      await expect(live).toContainText("Waiting for the first words…");
      const runLink = live.getByRole("link", { name: "View the run" });
      await expect(runLink).toHaveAttribute("href", `/credits?activity=${ids.drafting}#runs`);

      const key = `activity_output:${ids.drafting}`;
      const chunk = (text: string) =>
        redis.xadd(key, "*", "revision", "1", "kind", "chunk", "text", text, "status", "");
      await chunk('{"title": "Spring, drafted live", "body": "## Why spring\\n');
      await expect(live.getByRole("heading", { name: "Spring, drafted live" })).toBeVisible();
      // Rendered as it will be published: a heading, not its Markdown marks.
      await expect(live.getByTestId("live-draft-text").getByRole("heading", { name: "Why spring" })).toBeVisible();
      await expect(live.getByTestId("live-draft-text")).not.toContainText("##");
      await chunk("The words arrive as the agent writes them.");
      await expect(live.getByTestId("live-draft-text")).toContainText("The words arrive as the agent writes them.");
      await shot(page, info, "activity-live-draft-1440");
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, info, "activity-live-draft-390");
      await page.setViewportSize({ width: 1440, height: 900 });

      // The draft is done: the page shows the activity as it now is.
      await db.activity.update({ where: { id: ids.drafting }, data: { status: "dm_review" } });
      await redis.xadd(key, "*", "revision", "1", "kind", "done", "text", "", "status", "dm_review");
      await expect(live).toBeHidden();

      // Its run, on the credits page.
      await page.goto(`${dashboard}/credits?activity=${ids.drafting}#runs`);
      await expect(page.getByRole("table", { name: "Runs of one activity" }).locator("tbody tr")).toHaveCount(1);
      await shot(page, info, "credits-one-activity-1440");
    });
  });
