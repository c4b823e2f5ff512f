import { Writable } from "node:stream";
import { loadConfig } from "@leadmetrics/config";
import { createDb, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import { agentsConfigSchema } from "@leadmetrics/server-agents/config";
import { startAgentsServer } from "@leadmetrics/server-agents/server";
import { eventually } from "@leadmetrics/testing";
import { expect } from "vitest";
import { bearer, type TestApp } from "./helpers";

/** The agents server in this process, on the test file's database and queue prefix. */
export async function startTestAgents(t: TestApp, env: Record<string, string> = {}) {
  const config = loadConfig(agentsConfigSchema, {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    DATABASE_URL: t.config.DATABASE_URL,
    REDIS_URL: t.config.REDIS_URL,
    CHANNEL_SECRETS_KEY: t.config.CHANNEL_SECRETS_KEY,
    // The tests' WordPress listens on 127.0.0.1.
    ALLOW_PRIVATE_CHANNEL_URLS: "true",
    RECONCILE_INTERVAL_MS: "3600000",
    SHUTDOWN_GRACE_MS: "2000",
    ...env,
  });
  const db = createDb({ url: config.DATABASE_URL, poolMax: 5 });
  const logger = createLogger({
    service: "agents-test",
    level: config.LOG_LEVEL,
    destination: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  // The API's Redis client: same key prefix, so the API reads what the agents publish.
  const server = startAgentsServer(config, { db, logger, redis: t.redis, prefix: t.queuePrefix });
  return {
    server,
    async close() {
      await server.close();
      await db.$disconnect();
    },
  };
}

export async function api<T = Record<string, unknown>>(
  t: TestApp,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  token: string,
  payload?: unknown,
  expectStatus?: number,
): Promise<T> {
  const res = await t.app.inject({ method, url, headers: bearer(token), payload: payload as object });
  if (expectStatus !== undefined) expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(expectStatus);
  return res.json() as T;
}

/** A client creates, submits and approves a plan of `blogs` blog posts (or of `items`) in one week. */
export async function approvePlan(
  t: TestApp,
  ownerToken: string,
  blogs = 1,
  name = "Spring campaign",
  approval: { acceptShortfall?: boolean; items?: Record<string, unknown>[] } = {},
) {
  const { items, ...approve } = approval;
  const plan = await api<{ id: string }>(
    t,
    "POST",
    "/tenant/v1/plans",
    ownerToken,
    {
      name,
      cadence: "weekly",
      startDate: "2026-12-07",
      periodCount: 1,
      items: items ?? [{ deliverableType: "blog_post", quantity: blogs }],
    },
    201,
  );
  await api(t, "POST", `/tenant/v1/plans/${plan.id}/submit`, ownerToken, undefined, 200);
  await api(t, "POST", `/tenant/v1/plans/${plan.id}/approve`, ownerToken, approve, 200);
  return plan.id;
}

/** Waits until the activities of a plan exist and all reach `status`. */
export async function activitiesInStatus(t: TestApp, planId: string, status: string, count = 1, timeoutMs = 20_000) {
  return eventually(async () => {
    const rows = await t.db.activity.findMany({ where: { planId }, orderBy: { slot: "asc" } });
    return rows.length === count && rows.every((r) => r.status === status) ? rows : undefined;
  }, timeoutMs);
}

export const tenantIdOf = async (t: TestApp, slug: "acme-digital" | "globex-marketing") =>
  (await t.db.tenant.findUniqueOrThrow({ where: { slug } })).id;
export { DEMO_ACCOUNTS };
