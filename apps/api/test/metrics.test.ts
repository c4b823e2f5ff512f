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
    const wrong = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer not-the-metrics-token-000" } });
    expect(wrong.statusCode).toBe(401);
  });

  it("counts requests and latency by route pattern and status, in Prometheus format", async () => {
    await t.app.inject({ method: "GET", url: "/health/live" });
    await t.app.inject({ method: "GET", url: "/tenant/v1/activities/01900000-0000-7000-8000-000000000000" });
    const res = await t.app.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/plain/);
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/health\/live",status="200"\} \d+/);
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/tenant\/v1\/activities\/:id",status="401"\} \d+/);
    expect(res.body).toContain("http_request_duration_seconds_bucket");
    expect(res.body).not.toContain("01900000-0000-7000-8000-000000000000");
  });
});
