import { mkdtemp } from "node:fs/promises";
import path from "node:path";
import { freePort, type LocalRedis, startRedis } from "@leadmetrics/local-services";
import { eventually, testScratchDir } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, errorOf, type TestApp } from "./helpers";

// This file runs its own Redis, so stopping it does not disturb the other test files.
let redis: LocalRedis;
let port: number;
let dir: string;
let t: TestApp;

beforeAll(async () => {
  dir = await mkdtemp(path.join(testScratchDir(), "health-"));
  port = await freePort();
  redis = await startRedis({ dataDir: dir, port });
  // Sockets on, as in production: their Redis clients live through the outage too.
  t = await createTestApp({}, { redisUrl: redis.url, sockets: true });
});
afterAll(async () => {
  await t.close();
  await redis.stop();
});

const ready = () => t.app.inject({ method: "GET", url: "/health/ready" });

describe("health", () => {
  it("live answers 200", async () => {
    const res = await t.app.inject({ method: "GET", url: "/health/live" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok" });
  });

  it("ready answers 503 while Redis is down and 200 again once it is back", async () => {
    const ok = await ready();
    expect(ok.statusCode).toBe(200);
    expect(ok.json().checks).toMatchObject({ postgres: { status: "ok" }, redis: { status: "ok" } });

    await redis.stop();
    const down = await ready();
    expect(down.statusCode).toBe(503);
    expect(down.json().checks).toMatchObject({ postgres: { status: "ok" }, redis: { status: "error" } });
    expect(errorOf(down).code).toBe("NOT_READY");

    // Requests that need Redis fail fast and clearly instead of hanging.
    const login = await t.app.inject({
      method: "POST",
      url: "/auth/v1/login",
      payload: { email: "a@b.test", password: "whatever-password" },
    });
    expect(login.statusCode).toBe(503);
    expect(errorOf(login).code).toBe("SERVICE_UNAVAILABLE");

    redis = await startRedis({ dataDir: dir, port });
    const back = await eventually(async () => {
      const res = await ready();
      return res.statusCode === 200 ? res : undefined;
    }, 15_000);
    expect(back.json().checks.redis.status).toBe("ok");
  });
});
