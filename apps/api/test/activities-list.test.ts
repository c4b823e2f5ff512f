import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, errorOf, type TestApp } from "./helpers";
import { seedWeekPlan } from "./plan-fixtures";

// The board's query string as a browser's GET form sends it: repeated statuses, empty fields.
let t: TestApp;
let token: string;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  const owner = await t.login(DEMO_ACCOUNTS.acmeOwner);
  token = owner.accessToken;
  const tenantId = owner.session.tenantId!;
  const { plan, period } = await seedWeekPlan(t.db, tenantId, "Query string plan");
  planId = plan.id;
  const base = { tenantId, planId, periodId: period.id, type: "social_post" as const, channel: "linkedin" };
  await t.db.activity.create({ data: { ...base, slot: 0, topic: "50% off_today", status: "dm_review" } });
  await t.db.activity.create({ data: { ...base, slot: 1, topic: "50 percent off", status: "client_review" } });
  await t.db.activity.create({ data: { ...base, slot: 2, topic: "Spring", status: "published", channel: "x" } });
});
afterAll(() => t?.close());

const list = (query: string) =>
  t.app.inject({ method: "GET", url: `/tenant/v1/activities?planId=${planId}&${query}`, headers: bearer(token) });
const topics = (res: Awaited<ReturnType<typeof list>>) =>
  (res.json() as { items: { topic: string }[] }).items.map((i) => i.topic).sort();

describe("GET /tenant/v1/activities query string", () => {
  it("a repeated status means any of them; one status works alone", async () => {
    expect(topics(await list("status=dm_review&status=client_review"))).toEqual(["50 percent off", "50% off_today"]);
    expect(topics(await list("status=published"))).toEqual(["Spring"]);
  });

  it("empty fields of a GET form mean any; the search and the channel filter apply", async () => {
    const all = await list("q=&channel=&status=dm_review&status=client_review&status=published");
    expect(all.statusCode, all.body).toBe(200);
    expect(topics(all)).toHaveLength(3);
    expect(topics(await list("q=50%25+off_"))).toEqual(["50% off_today"]);
    expect(topics(await list("channel=x"))).toEqual(["Spring"]);
  });

  it("cards carry their plan's name; an unknown status or sort is a 400, never a 5xx", async () => {
    const res = await list("status=published");
    expect(res.json()).toMatchObject({
      items: [{ planName: "Query string plan", publishedAt: null, activeRun: null }],
    });
    for (const bad of ["status=nope", "status=dm_review&status=nope", "sort=oldest", `q=${"x".repeat(201)}`]) {
      const r = await list(bad);
      expect(r.statusCode, bad).toBe(400);
      expect(errorOf(r).code).toBe("VALIDATION_ERROR");
    }
  });
});
