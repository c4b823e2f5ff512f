import { type ActivityStatus, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "./helpers";
import { seedWeekPlan, TWO_POSTS_AND_A_SOCIAL } from "./plan-fixtures";

/**
 * How many SQL statements one request of each list the portals page through sends, the guard's
 * check included. Each list is read in a world where it holds 2 entries and again where it holds
 * 12: a statement per row (an N+1) changes the count, so the exact number is asserted for both.
 */

// route → statements per request. The tenant guard's membership join and the DM and admin guards'
// staff check are one statement each; `/auth/v1/me/*` is guarded by the token alone (Redis).
const EXPECTED = {
  "GET /tenant/v1/members": 2, // guard, members ⋈ users (one prepared statement)
  "GET /tenant/v1/activities": 5, // guard, page, total, counts by status, the page's plan names, publish dates and running runs
  "GET /tenant/v1/plans": 6, // guard, page, its items, total, activity counts, planner runs
  "GET /tenant/v1/credits": 4, // guard, balance, ledger page, ledger total
  "GET /tenant/v1/agent-runs": 3, // guard, page, total
  "GET /tenant/v1/media": 3, // guard, page, total
  "GET /tenant/v1/channels": 2, // guard, channels
  "GET /auth/v1/me/notifications": 3, // page, total, unread count
  "GET /dm/v1/review-queue": 4, // guard, page, counts by tenant and status (the total comes from them), active tenants' names
  "GET /dm/v1/needs-attention": 4, // the same statements as the review queue
  "GET /dm/v1/tenants": 2, // guard, active tenants
  "GET /admin/v1/tenants": 4, // guard, page, total, member counts of the page's tenants
  "GET /admin/v1/users": 5, // guard, page, its memberships, their tenants, total
  "GET /admin/v1/failed-jobs": 4, // guard, page, total, every tenant, activity and plan the page names (one statement)
  // guard, the tenant, balance, ledger page, ledger total, drafts and jobs waiting for credits, the page's runs and granters
  "GET /admin/v1/tenants/:id/credits": 8,
  // An activity's history names every person who acted in one statement, however many did.
  "GET /tenant/v1/activities/:id": 8, // guard, activity, plan, versions, events, the people who acted, its channel, a social post's images
  "GET /dm/v1/activities/:id": 11, // guard, the activity's tenant, activity, plan, versions, events, people, its channel, images, tenant name, context
  "GET /admin/v1/audit-logs": 4, // guard, page, total, every name on the page (one statement)
} as const satisfies Record<string, number>;

type Who = "owner" | "reviewer" | "admin";
/** The parts of list answers read here (each route's answer has the ones its case reads). */
type Body = {
  items: unknown[];
  ledger: { items: unknown[] };
  counts: { byTenant: unknown[] };
  events: { actorName: string | null }[];
};

interface ListCase {
  route: keyof typeof EXPECTED;
  who: Who;
  /** The request in a world of n; most lists hold exactly n rows, the others are paged to n. */
  url: (n: number) => string;
  /** The parts of the answer with one entry per row read: each must hold n entries. */
  lists: (body: Body) => unknown[][];
}

const items = (b: Body) => [b.items];
const CASES: ListCase[] = [
  { route: "GET /tenant/v1/members", who: "owner", url: () => "/tenant/v1/members", lists: items },
  {
    route: "GET /tenant/v1/activities",
    who: "owner",
    // Every filter at once, each matching all of Globex's activities: the statements are the same unfiltered.
    url: () =>
      "/tenant/v1/activities?q=counted+topic&type=blog_post&status=dm_review&status=needs_attention&status=client_review",
    lists: items,
  },
  { route: "GET /tenant/v1/plans", who: "owner", url: () => "/tenant/v1/plans", lists: items },
  { route: "GET /tenant/v1/credits", who: "owner", url: () => "/tenant/v1/credits", lists: (b) => [b.ledger.items] },
  { route: "GET /tenant/v1/agent-runs", who: "owner", url: () => "/tenant/v1/agent-runs", lists: items },
  { route: "GET /tenant/v1/media", who: "owner", url: () => "/tenant/v1/media", lists: items },
  { route: "GET /tenant/v1/channels", who: "owner", url: () => "/tenant/v1/channels", lists: items },
  { route: "GET /auth/v1/me/notifications", who: "owner", url: () => "/auth/v1/me/notifications", lists: items },
  {
    route: "GET /dm/v1/review-queue",
    who: "reviewer",
    url: () => "/dm/v1/review-queue",
    // The queue's counts list every tenant with work waiting: a statement per tenant would show too.
    lists: (b) => [b.items, b.counts.byTenant],
  },
  {
    route: "GET /dm/v1/needs-attention",
    who: "reviewer",
    url: () => "/dm/v1/needs-attention",
    lists: (b) => [b.items, b.counts.byTenant],
  },
  { route: "GET /dm/v1/tenants", who: "reviewer", url: () => "/dm/v1/tenants", lists: items },
  { route: "GET /admin/v1/tenants", who: "admin", url: () => "/admin/v1/tenants", lists: items },
  // Users come from the seed and the other lists' owners and members too, audit rows from any
  // change: these two are paged to n.
  { route: "GET /admin/v1/users", who: "admin", url: (n) => `/admin/v1/users?pageSize=${n}`, lists: items },
  { route: "GET /admin/v1/failed-jobs", who: "admin", url: () => "/admin/v1/failed-jobs", lists: items },
  {
    route: "GET /admin/v1/tenants/:id/credits",
    who: "admin",
    url: (n) => `/admin/v1/tenants/${globex.tenantId}/credits?pageSize=${n}`,
    lists: (b) => [b.ledger.items],
  },
  {
    route: "GET /tenant/v1/activities/:id",
    who: "owner",
    url: () => `/tenant/v1/activities/${historyActivityId}`,
    lists: (b) => [b.events.filter((e) => e.actorName)],
  },
  {
    route: "GET /dm/v1/activities/:id",
    who: "reviewer",
    url: () => `/dm/v1/activities/${historyActivityId}`,
    lists: (b) => [b.events.filter((e) => e.actorName)],
  },
  { route: "GET /admin/v1/audit-logs", who: "admin", url: (n) => `/admin/v1/audit-logs?pageSize=${n}`, lists: items },
];

// Every statement the app sends, except the outbox relay's polling, which runs on its own timer
// whatever the request does.
let statements: string[] = [];
let t: TestApp;
const tokens: Record<Who, string> = { owner: "", reviewer: "", admin: "" };
let globex: { tenantId: string; ownerId: string };
/** A Globex activity whose history holds n events by its members. */
let historyActivityId = "";

beforeAll(async () => {
  t = await createTestApp(
    {},
    {
      onQuery: (sql) => {
        if (!sql.includes('"OutboxJob"')) statements.push(sql);
      },
    },
  );
  const owner = await t.login(DEMO_ACCOUNTS.globexOwner);
  tokens.owner = owner.accessToken;
  tokens.reviewer = (await t.login(DEMO_ACCOUNTS.reviewer)).accessToken;
  tokens.admin = (await t.login(DEMO_ACCOUNTS.superAdmin)).accessToken;
  globex = { tenantId: owner.session.tenantId!, ownerId: owner.session.userId };
});
afterAll(() => t?.close());

/** Adds rows numbered from `have` until there are `want`. */
async function topUp(have: number, want: number, add: (i: number) => Promise<unknown>) {
  for (let i = have; i < want; i++) await add(i);
}

/** A plan with two item lines, one period and one planner run: what a plans page shows of each. */
async function addPlan(tenantId: string, i: number) {
  const { plan, period } = await seedWeekPlan(t.db, tenantId, `Counted plan ${i}`, [...TWO_POSTS_AND_A_SOCIAL]);
  await t.db.agentRun.create({
    data: {
      tenantId,
      runKey: `activity-planner:${plan.id}`,
      role: "activity-planner",
      planId: plan.id,
      adapter: "offline",
      model: "offline",
      status: "succeeded",
    },
  });
  return period;
}

const addActivity = (period: { tenantId: string; planId: string; id: string }, slot: number, status: ActivityStatus) =>
  t.db.activity.create({
    data: {
      tenantId: period.tenantId,
      planId: period.planId,
      periodId: period.id,
      slot,
      type: "blog_post",
      topic: `Counted topic ${slot}`,
      status,
    },
  });

/**
 * Grows the world so that every list of CASES holds n entries: n tenants, each with one activity
 * in each review queue; Globex with n members, plans, activities, planner runs, ledger entries,
 * media and channels; its owner with n notifications; n failed jobs; at least n users and audit rows.
 */
async function growWorld(n: number) {
  const { tenantId, ownerId } = globex;
  const tenants = await t.db.tenant.findMany({ select: { id: true } });
  await topUp(tenants.length, n, async (i) => {
    const tenant = await t.db.tenant.create({ data: { name: `Counted ${i}`, slug: `counted-${i}` } });
    const owner = await t.db.user.create({ data: { email: `owner-${i}@counted.test`, name: `Owner ${i}` } });
    await t.db.tenantMember.create({ data: { tenantId: tenant.id, userId: owner.id, role: "owner" } });
    tenants.push(tenant);
  });
  for (const tenant of tenants) {
    if (await t.db.deliverablePlan.count({ where: { tenantId: tenant.id } })) continue;
    const period = await addPlan(tenant.id, 0);
    await addActivity(period, 0, "dm_review");
    await addActivity(period, 1, "needs_attention");
  }

  const members = await t.db.tenantMember.count({ where: { tenantId } });
  await topUp(members, n, async (i) => {
    const user = await t.db.user.create({ data: { email: `member-${i}@counted.test`, name: `Member ${i}` } });
    await t.db.tenantMember.create({ data: { tenantId, userId: user.id, role: "member" } });
  });
  await topUp(await t.db.deliverablePlan.count({ where: { tenantId } }), n, (i) => addPlan(tenantId, i));
  // Globex's queue plan (its first) holds the rest of its activities.
  const [queuePeriod] = await t.db.deliverablePeriod.findMany({ where: { tenantId }, orderBy: { id: "asc" }, take: 1 });
  await topUp(await t.db.activity.count({ where: { tenantId } }), n, (slot) =>
    addActivity(queuePeriod!, slot, "client_review"),
  );
  historyActivityId ||= (await t.db.activity.findFirstOrThrow({ where: { tenantId }, orderBy: { id: "asc" } })).id;
  const people = await t.db.tenantMember.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" }, take: n });
  await topUp(await t.db.activityEvent.count({ where: { activityId: historyActivityId, actorType: "user" } }), n, (i) =>
    t.db.activityEvent.create({
      data: {
        tenantId,
        activityId: historyActivityId,
        action: "client_reject",
        actorType: "user",
        actorId: people[i]!.userId,
        fromStatus: "client_review",
        toStatus: "drafting",
        feedback: `Counted ${i}`,
      },
    }),
  );
  await topUp(await t.db.creditLedger.count({ where: { tenantId } }), n, (i) =>
    t.db.creditLedger.create({
      data: { tenantId, kind: "grant", status: "posted", amount: 10, note: `Counted ${i}`, actorId: ownerId },
    }),
  );
  await topUp(await t.db.mediaAsset.count({ where: { tenantId } }), n, (i) =>
    t.db.mediaAsset.create({
      data: {
        tenantId,
        filename: `counted-${i}.png`,
        contentType: "image/png",
        byteSize: 1,
        sha256: "0".repeat(64),
        storageKey: `counted/${i}`,
      },
    }),
  );
  await topUp(await t.db.connectedChannel.count({ where: { tenantId } }), n, (i) =>
    t.db.connectedChannel.create({
      data: {
        tenantId,
        kind: "wordpress",
        name: `Site ${i}`,
        siteUrl: `https://site-${i}.example.com`,
        username: "editor",
        credentialsEncrypted: "not-read-by-the-list",
      },
    }),
  );
  await topUp(await t.db.notification.count({ where: { userId: ownerId } }), n, (i) =>
    t.db.notification.create({
      data: { userId: ownerId, tenantId, event: "counted", title: `Note ${i}`, body: "…", dedupeKey: `counted-${i}` },
    }),
  );
  await topUp(await t.db.failedJob.count(), n, (i) =>
    t.db.failedJob.create({
      data: { queue: "agent__blog-writer", jobId: `counted-${i}`, payload: {}, reason: "counted", attempts: 4 },
    }),
  );
  await topUp(await t.db.auditLog.count(), n, (i) =>
    t.db.auditLog.create({ data: { tenantId, action: "counted.entry", targetType: "Tenant", targetId: `${i}` } }),
  );
}

async function countedGet(c: ListCase, n: number) {
  statements = [];
  const res = await t.app.inject({ method: "GET", url: c.url(n), headers: bearer(tokens[c.who]) });
  const sent = [...statements];
  expect(res.statusCode, res.body).toBe(200);
  for (const list of c.lists(res.json() as Body)) expect(list).toHaveLength(n);
  return sent;
}

describe.each([2, 12])("with %i entries in every list", (n) => {
  beforeAll(() => growWorld(n));

  it.each(CASES)("$route sends the expected number of SQL statements", async (c) => {
    const sent = await countedGet(c, n);
    expect(sent.length, `statements sent:\n${sent.join("\n")}`).toBe(EXPECTED[c.route]);
  });
});

it("every route of the table is requested", () => {
  expect(CASES.map((c) => c.route).sort()).toEqual(Object.keys(EXPECTED).sort());
});
