import { randomBytes } from "node:crypto";
import { createDb, type Db, DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { freePort } from "@leadmetrics/local-services";
import { createTestDatabase, eventually, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "./support";

/**
 * Two API instances, two agents servers and two notifications servers on one PostgreSQL and
 * one Redis, as a scaled-out production deployment runs them: both sides of each pair do work,
 * and every job is done once in effect.
 */
let db: Db;
const servers: ServerProcess[] = [];
let apis: string[] = [];
const METRICS_TOKEN = randomBytes(16).toString("hex");

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  db = createDb({ url: databaseUrl, poolMax: 3 });
  const shared = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: "4",
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `q${uniqueKeyPrefix().slice(0, -1)}`,
    CHANNEL_SECRETS_KEY: randomBytes(32).toString("base64"),
    JWT_SECRET: randomBytes(32).toString("hex"),
    METRICS_TOKEN,
    METRICS_PORT: "0",
    CORS_ORIGINS: "http://127.0.0.1:3000",
    RATE_LIMIT_MAX: "100000",
    LOGIN_RATE_LIMIT_MAX: "1000",
    // Each draft takes a moment, so both agents servers have work in hand at once.
    OFFLINE_ADAPTER_DELAY_MS: "250",
    RECONCILE_INTERVAL_MS: "3600000",
    EMAIL_PROVIDER: "none",
  };
  const ports = [await freePort(), await freePort()];
  apis = ports.map((p) => `http://127.0.0.1:${p}`);
  servers.push(
    ...ports.map((port, i) =>
      startServer("api", `api-${i}`, { ...shared, API_HOST: "127.0.0.1", API_PORT: String(port) }),
    ),
    ...[0, 1].map((i) => startServer("agents", `agents-${i}`, shared)),
    ...[0, 1].map((i) => startServer("notifications", `notifications-${i}`, shared)),
  );
  await Promise.all(
    servers.map((s) => s.waitForLog(/Server listening|agents server started|notifications server started/, 60_000)),
  );
}, 120_000);

afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map((s) => Promise.race([s.stopped, new Promise((r) => setTimeout(r, 10_000))])));
  for (const s of servers) s.kill("SIGKILL");
  await db?.$disconnect();
}, 30_000);

async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  url: string,
  token: string | undefined,
  body?: unknown,
  expectStatus = 200,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${url} → ${text}`).toBe(expectStatus);
  return (text ? JSON.parse(text) : {}) as T;
}
const login = async (base: string, email: string, portal?: string) =>
  (
    await call<{ accessToken: string }>(base, "POST", "/auth/v1/login", undefined, {
      email,
      password: DEFAULT_DEMO_PASSWORD,
      ...(portal ? { portal } : {}),
    })
  ).accessToken;

const completedBy = (s: ServerProcess) => s.logs.filter((l) => l.msg === "job completed").length;

describe("scale-out: two of each server on one PostgreSQL and one Redis", () => {
  it("both instances take requests and jobs, and every job takes effect once", async () => {
    const [a, b] = apis as [string, string];
    // A session issued by one instance is honoured by the other (shared secret and session store).
    const owner = await login(a, DEMO_ACCOUNTS.acmeOwner);
    const reviewer = await login(b, DEMO_ACCOUNTS.reviewer);
    await call(b, "GET", "/tenant/v1/members", owner);

    const BLOGS = 16;
    const plan = await call<{ id: string }>(
      a,
      "POST",
      "/tenant/v1/plans",
      owner,
      {
        name: "Scale-out",
        cadence: "weekly",
        startDate: "2026-12-07",
        periodCount: 1,
        items: [{ deliverableType: "blog_post", quantity: BLOGS }],
      },
      201,
    );
    await call(b, "POST", `/tenant/v1/plans/${plan.id}/submit`, owner);
    await call(a, "POST", `/tenant/v1/plans/${plan.id}/approve`, owner);
    const inReview = async (count: number) =>
      eventually(
        async () => {
          const rows = await db.activity.findMany({ where: { planId: plan.id }, orderBy: { slot: "asc" } });
          return rows.length === BLOGS && rows.filter((r) => r.status === "dm_review").length === count
            ? rows
            : undefined;
        },
        90_000,
        200,
      );
    const drafted = await inReview(BLOGS);

    // The reviewer works through both instances: half rejected (a redraft each), half approved.
    const rejected = drafted.filter((_, i) => i % 2 === 0);
    const approved = drafted.filter((_, i) => i % 2 === 1);
    await Promise.all([
      ...rejected.map((r, i) =>
        call(apis[i % 2]!, "POST", `/dm/v1/activities/${r.id}/reject`, reviewer, {
          feedback: "Sharper opening, please.",
        }),
      ),
      ...approved.map((r, i) => call(apis[(i + 1) % 2]!, "POST", `/dm/v1/activities/${r.id}/approve`, reviewer, {})),
    ]);
    await inReview(rejected.length);

    // Exactly once in effect: one version per revision, one run and one settled ledger entry per run.
    const ids = drafted.map((r) => r.id);
    const versions = await db.contentVersion.groupBy({
      by: ["activityId"],
      where: { activityId: { in: ids } },
      _count: true,
    });
    const versionCount = Object.fromEntries(versions.map((v) => [v.activityId, v._count]));
    for (const r of rejected) expect(versionCount[r.id]).toBe(2);
    for (const r of approved) expect(versionCount[r.id]).toBe(1);
    const runs = await db.agentRun.findMany({ where: { activityId: { in: ids } } });
    expect(runs).toHaveLength(BLOGS + rejected.length);
    expect(runs.every((r) => r.status === "succeeded")).toBe(true);
    const ledger = await db.creditLedger.findMany({ where: { runKey: { in: runs.map((r) => r.runKey) } } });
    expect(ledger).toHaveLength(runs.length);
    expect(ledger.every((l) => l.status === "settled")).toBe(true);
    const balance = await db.creditBalance.findUniqueOrThrow({ where: { tenantId: drafted[0]!.tenantId } });
    expect(balance.reserved).toBe(0);

    // One in-app notification per event and recipient, though two notifications servers ran.
    await eventually(async () => (await db.outboxJob.count()) === 0, 20_000);
    const ownerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.acmeOwner } })).id;
    const forOwner = await eventually(async () => {
      const rows = await db.notification.findMany({ where: { userId: ownerId, event: "ready_for_client_review" } });
      return rows.length >= approved.length ? rows : undefined;
    }, 30_000);
    await new Promise((r) => setTimeout(r, 1_000)); // a duplicate would land within this
    const again = await db.notification.findMany({ where: { userId: ownerId, event: "ready_for_client_review" } });
    expect(again).toHaveLength(forOwner.length);
    const perActivity = new Set(again.map((n) => (n.data as { activityId?: string }).activityId));
    expect([...perActivity].sort()).toEqual(approved.map((r) => r.id).sort());

    // Both of each pair did work.
    const [agents0, agents1] = servers.filter((s) => s.name.startsWith("agents"));
    const [notify0, notify1] = servers.filter((s) => s.name.startsWith("notifications"));
    console.info(
      `scale-out: agents jobs ${completedBy(agents0!)} + ${completedBy(agents1!)}, notifications jobs ${completedBy(notify0!)} + ${completedBy(notify1!)}`,
    );
    expect(completedBy(agents0!)).toBeGreaterThan(0);
    expect(completedBy(agents1!)).toBeGreaterThan(0);
    expect(completedBy(notify0!)).toBeGreaterThan(0);
    expect(completedBy(notify1!)).toBeGreaterThan(0);
    // Each agents server's own /metrics counts what it did, and the two add up to every run.
    let total = 0;
    for (const s of [agents0!, agents1!]) {
      const port = (await s.waitForLog(/agents server started/)).metricsPort as number;
      const text = await (
        await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      total += [...text.matchAll(/^bullmq_jobs_completed_total\{queue="agent__blog-writer"\} (\d+)/gm)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    }
    expect(total).toBe(runs.length);
    // Every worker process reports itself ready (PostgreSQL and Redis answer) on its own port.
    for (const s of [agents0!, agents1!, notify0!, notify1!]) {
      const port = (await s.waitForLog(/server started/)).metricsPort as number;
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect([s.name, ready.status, ((await ready.json()) as { status: string }).status]).toEqual([s.name, 200, "ok"]);
    }
    // Both API instances answered requests (each counts its own in /metrics).
    for (const base of apis) {
      const text = await (
        await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      expect(text).toMatch(
        /http_requests_total\{method="POST",route="\/dm\/v1\/activities\/:id\/(approve|reject)",status="200"\} [1-9]/,
      );
    }
  }, 180_000);
});
