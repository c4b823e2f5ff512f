import { randomUUID } from "node:crypto";
import { createDb, type Db, forTenant, type TenantDb } from "@leadmetrics/db";
import { createLogger } from "@leadmetrics/logger";
import {
  createOutboxRelay,
  createQueueClient,
  PermanentJobError,
  type QueueClient,
  redisConnection,
} from "@leadmetrics/queue";
import { createTestDatabase, testRedisUrl, uniqueKeyPrefix } from "@leadmetrics/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { type AgentRunSpec, createAdapterRegistry, withAgentRun } from "../src";

let db: Db;
let queues: QueueClient;
let tdb: TenantDb;
let tenantId: string;
let activityId: string;

const adapters = createAdapterRegistry({ LLM_TIMEOUT_MS: 10_000, OFFLINE_ADAPTER_DELAY_MS: 0 });
let offline: Parameters<typeof withAgentRun>[1];
const BLOG_PRICE = 10;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 4 });
  queues = createQueueClient({ connection: redisConnection(testRedisUrl(), "producer"), prefix: uniqueKeyPrefix() });
  const log = createLogger({ service: "agent-run-test", level: "silent" });
  offline = {
    adapters,
    defaults: { adapter: "offline", model: "offline", temperature: 0 },
    outbox: createOutboxRelay({ db, queues, log }),
  };
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  tdb = forTenant(db, tenantId);
  const plan = await db.deliverablePlan.create({
    data: { tenantId, name: "Run tests", cadence: "weekly", startDate: new Date("2026-01-05"), periodCount: 1 },
  });
  const period = await db.deliverablePeriod.create({
    data: { tenantId, planId: plan.id, index: 0, startsOn: new Date("2026-01-05"), endsOn: new Date("2026-01-11") },
  });
  activityId = (
    await db.activity.create({
      data: { tenantId, planId: plan.id, periodId: period.id, slot: 0, type: "blog_post", topic: "Spring sale" },
    })
  ).id;
});
afterAll(async () => {
  await queues.close();
  await db.$disconnect();
});
beforeEach(async () => {
  await db.creditBalance.update({ where: { tenantId }, data: { available: 50, reserved: 0 } });
  await db.activity.update({ where: { id: activityId }, data: { lastError: null, status: "drafting" } });
});

const job = (final = false) => ({
  tdb,
  payload: { tenantId, requestId: "req-run-test" },
  job: { id: randomUUID() },
  signal: new AbortController().signal,
  final,
});
const balance = () =>
  db.creditBalance.findUniqueOrThrow({ where: { tenantId }, select: { available: true, reserved: true } });
const runOf = (runKey: string) => db.agentRun.findUnique({ where: { runKey } });
const ledgerOf = (runKey: string) => db.creditLedger.findUnique({ where: { runKey } });

/** A blog-writer run whose output is a title; `store` settles in its own transaction unless told otherwise. */
function spec(
  runKey: string,
  overrides: Partial<AgentRunSpec<z.ZodObject<{ title: z.ZodString }>, string>> = {},
): AgentRunSpec<z.ZodObject<{ title: z.ZodString }>, string> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    role: "blog-writer",
    runKey,
    link: { activityId, revision: 1, wakeReason: "new_task" },
    outputSchema: z.object({ title: z.string() }),
    async prompt() {
      calls.push("prompt");
      return { system: "You write.", prompt: "Write a title.", offlineAnswer: { title: "Spring sale: a guide" } };
    },
    async store(result, run) {
      calls.push("store");
      await tdb.$transaction((tx) => run.settle(tx));
      return result.value.title;
    },
    async onFailed(reason) {
      calls.push(`failed: ${reason}`);
    },
    ...overrides,
  };
}

describe("withAgentRun", () => {
  it("holds the price, calls the adapter, stores the output and settles the charge with it", async () => {
    const runKey = randomUUID();
    const s = spec(runKey);
    expect(await withAgentRun(job(), offline, s)).toEqual({ skipped: false, value: "Spring sale: a guide" });
    expect(await runOf(runKey)).toMatchObject({
      status: "succeeded",
      role: "blog-writer",
      credits: BLOG_PRICE,
      adapter: "offline",
      offline: true,
      activityId,
      revision: 1,
      wakeReason: "new_task",
      requestId: "req-run-test",
    });
    expect((await runOf(runKey))?.prompt).toContain("```offline-example");
    expect(await ledgerOf(runKey)).toMatchObject({ status: "settled", amount: BLOG_PRICE });
    expect(await balance()).toEqual({ available: 50 - BLOG_PRICE, reserved: 0 });
    expect(s.calls).toEqual(["prompt", "store"]);
  });

  it("is a no-op for a run that already succeeded: nothing is built, called or charged again", async () => {
    const runKey = randomUUID();
    await withAgentRun(job(), offline, spec(runKey));
    const again = spec(runKey);
    expect(await withAgentRun(job(), offline, again)).toEqual({ skipped: true });
    expect(again.calls).toEqual([]);
    expect(await balance()).toEqual({ available: 50 - BLOG_PRICE, reserved: 0 });
    expect(await db.creditLedger.count({ where: { runKey } })).toBe(1);
  });

  it("with too few credits fails for good, records why on the run, puts the activity in waiting for credits, and charges nothing", async () => {
    await db.creditBalance.update({ where: { tenantId }, data: { available: BLOG_PRICE - 1 } });
    const runKey = randomUUID();
    const s = spec(runKey);
    const err = await withAgentRun(job(), offline, s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentJobError);
    expect((err as Error).message).toBe(`This run needs ${BLOG_PRICE} credits; ${BLOG_PRICE - 1} are available`);
    expect(await runOf(runKey)).toMatchObject({ status: "failed", error: (err as Error).message });
    expect(await db.activity.findUniqueOrThrow({ where: { id: activityId } })).toMatchObject({
      status: "waiting_for_credits",
      lastError: (err as Error).message,
    });
    const event = await db.activityEvent.findFirst({ where: { activityId }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ action: "credits_short", fromStatus: "drafting", toStatus: "waiting_for_credits" });
    // The client's admins and the reviewers are told once per shortage (keyed by the last grant),
    // not once per draft that stops.
    const lastGrant = await db.creditLedger.findFirst({
      where: { tenantId, kind: { in: ["grant", "adjustment"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const dispatch = queues.queue("notifications__dispatch");
    const once = `credits-${tenantId}-${lastGrant?.id ?? "never-granted"}-waiting_for_credits`;
    const staged = (await dispatch.getJobs(["waiting", "delayed"])).map((j) => j.data.dedupeKey).sort();
    expect(staged).toEqual([`${once}-dm_reviewers`, `${once}-tenant_admins`]);
    expect(await balance()).toEqual({ available: BLOG_PRICE - 1, reserved: 0 });
    expect(await ledgerOf(runKey)).toBeNull();
    expect(s.calls).toEqual(["prompt"]);
  });

  it("keeps the hold while a retry is still to come, and releases it when the final attempt fails", async () => {
    const runKey = randomUUID();
    const failing = () =>
      spec(runKey, {
        async store() {
          throw new Error("the database went away");
        },
      });
    const first = failing();
    await expect(withAgentRun(job(false), offline, first)).rejects.toThrow("the database went away");
    expect(await runOf(runKey)).toMatchObject({ status: "running" });
    expect(await balance()).toEqual({ available: 50 - BLOG_PRICE, reserved: BLOG_PRICE });
    expect(first.calls).toEqual(["prompt"]);

    const last = failing();
    await expect(withAgentRun(job(true), offline, last)).rejects.toThrow("the database went away");
    expect(await runOf(runKey)).toMatchObject({ status: "failed", error: "the database went away", attempts: 2 });
    expect(await ledgerOf(runKey)).toMatchObject({ status: "released" });
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(last.calls).toEqual(["prompt", "failed: the database went away"]);
  });

  it("releases at once on a permanent error: an adapter that cannot be used fails the run with its reason", async () => {
    const runKey = randomUUID();
    const s = spec(runKey);
    const noKey = { ...offline, defaults: { adapter: "anthropic", model: "claude", temperature: 0 } };
    await expect(withAgentRun(job(false), noKey, s)).rejects.toThrow(/needs ANTHROPIC_API_KEY/);
    expect(await runOf(runKey)).toMatchObject({ status: "failed", adapter: "anthropic", offline: false });
    expect(await ledgerOf(runKey)).toMatchObject({ status: "released" });
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(s.calls).toEqual([
      "prompt",
      expect.stringMatching(/^failed: the anthropic adapter needs ANTHROPIC_API_KEY/),
    ]);
  });

  it("a delivery that loses the race to a duplicate which succeeded is a no-op, charged once", async () => {
    const runKey = randomUUID();
    const s = spec(runKey, {
      async store(_result, run) {
        // The duplicate commits first; this delivery's own store then fails (e.g. on the version number).
        await tdb.$transaction((tx) => run.settle(tx));
        throw new Error("unique constraint failed");
      },
    });
    expect(await withAgentRun(job(true), offline, s)).toEqual({ skipped: true });
    expect(await ledgerOf(runKey)).toMatchObject({ status: "settled", amount: BLOG_PRICE });
    expect(await balance()).toEqual({ available: 50 - BLOG_PRICE, reserved: 0 });
    expect(s.calls).toEqual(["prompt"]);
  });
});
