import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, errorOf, TEST_METRICS_TOKEN, type TestApp } from "./helpers";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("GET /metrics", () => {
  it("is refused without the metrics token, in the uniform shape", async () => {
    const anonymous = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe("UNAUTHORIZED");
    const wrong = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: "Bearer not-the-metrics-token-000" },
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("counts requests and latency by route pattern and status, in Prometheus format", async () => {
    await t.app.inject({ method: "GET", url: "/health/live" });
    await t.app.inject({ method: "GET", url: "/tenant/v1/activities/01900000-0000-7000-8000-000000000000" });
    const res = await t.app.inject({
      method: "GET",
      url: "/metrics",
      headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    expect(res.body).toMatch(
      /http_requests_total\{method="GET",route="\/tenant\/v1\/activities\/:id",status="401"\} \d+/,
    );
    expect(res.body).toContain("http_request_duration_seconds_bucket");
    expect(res.body).not.toContain("01900000-0000-7000-8000-000000000000");
  });

  it("reports the outbox backlog: jobs committed but not yet handed to BullMQ, and the oldest one's age", async () => {
    const scrape = async () =>
      (
        await t.app.inject({
          method: "GET",
          url: "/metrics",
          headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` },
        })
      ).body;
    const value = (body: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(body)?.[1]);
    expect(value(await scrape(), "outbox_jobs")).toBe(0);
    // Two rows another relay holds (claimed for a minute), as while Redis is down: they wait.
    const tenantId = (await t.db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
    const held = new Date(Date.now() + 60_000);
    const createdAt = new Date(Date.now() - 30_000);
    await t.db.outboxJob.createMany({
      data: [1, 2].map((n) => ({
        id: randomUUID(),
        tenantId,
        queue: "agent__activity-planner",
        jobId: `plan-held-${n}`,
        payload: { tenantId, planId: randomUUID() },
        claimedUntil: held,
        createdAt,
      })),
    });
    const body = await scrape();
    expect(value(body, "outbox_jobs")).toBe(2);
    expect(value(body, "outbox_oldest_job_age_seconds")).toBeGreaterThanOrEqual(30);
    await t.db.outboxJob.deleteMany({ where: { jobId: { startsWith: "plan-held-" } } });
    expect(value(await scrape(), "outbox_jobs")).toBe(0);
  });
});
