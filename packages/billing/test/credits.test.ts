import { randomUUID } from "node:crypto";
import { createDb, type Db, DEMO_ACCOUNTS, forTenant, type TenantTx } from "@leadmetrics/db";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  grantCredits,
  InsufficientCreditsError,
  isInsufficientCreditsReason,
  releaseCredits,
  reserveCredits,
  settleCredits,
} from "../src";

let db: Db;
let tenantId: string;
let adminId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 12 });
  tenantId = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  adminId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.superAdmin } })).id;
});
afterAll(() => db.$disconnect());

/** Each test starts from a known balance and an empty run ledger. */
async function startWith(available: number) {
  await db.creditLedger.deleteMany({ where: { tenantId, kind: "run" } });
  await db.creditBalance.update({ where: { tenantId }, data: { available, reserved: 0 } });
}
beforeEach(() => startWith(50));

const balance = () =>
  db.creditBalance.findUniqueOrThrow({ where: { tenantId }, select: { available: true, reserved: true } });
const entry = (runKey: string) => db.creditLedger.findUnique({ where: { runKey } });
const inTx = <T>(fn: (tx: TenantTx) => Promise<T>) => forTenant(db, tenantId).$transaction(fn);
const reserve = (runKey: string, amount: number) => inTx((tx) => reserveCredits(tx, tenantId, runKey, amount));
const settle = (runKey: string, actual: number, agentRunId?: string) =>
  inTx((tx) => settleCredits(tx, tenantId, runKey, actual, agentRunId));
const release = (runKey: string) => inTx((tx) => releaseCredits(tx, tenantId, runKey));

describe("reserve", () => {
  it("holds the amount: available goes down, reserved up, one reserved ledger entry", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    expect(await balance()).toEqual({ available: 40, reserved: 10 });
    expect(await entry(runKey)).toMatchObject({ kind: "run", status: "reserved", amount: 10, tenantId });
  });

  it("is idempotent per runKey: a retried run holds nothing more and has one entry", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await reserve(runKey, 10);
    await reserve(runKey, 10);
    expect(await balance()).toEqual({ available: 40, reserved: 10 });
    expect(await db.creditLedger.count({ where: { runKey } })).toBe(1);
  });

  it("refuses a run the balance cannot cover: throws, the balance is unchanged and no entry is written", async () => {
    const runKey = randomUUID();
    const err = await reserve(runKey, 51).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InsufficientCreditsError);
    expect(err).toMatchObject({
      statusCode: 402,
      code: "INSUFFICIENT_CREDITS",
      message: "This run needs 51 credits; 50 are available",
    });
    expect(isInsufficientCreditsReason((err as Error).message)).toBe(true);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(await entry(runKey)).toBeNull();
  });

  it("records a free run (0 credits) without touching the balance", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 0);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "reserved", amount: 0 });
  });

  it("lets exactly as many concurrent runs hold credits as the balance covers, never below zero", async () => {
    await startWith(25);
    const keys = Array.from({ length: 8 }, () => randomUUID());
    const results = await Promise.allSettled(keys.map((k) => reserve(k, 10)));
    const held = results.filter((r) => r.status === "fulfilled").length;
    expect(held).toBe(2);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(InsufficientCreditsError);
    expect(await balance()).toEqual({ available: 5, reserved: 20 });
    expect(await db.creditLedger.count({ where: { runKey: { in: keys } } })).toBe(2);
  });

  it("holds once when the same run is reserved concurrently", async () => {
    const runKey = randomUUID();
    await Promise.allSettled(Array.from({ length: 4 }, () => reserve(runKey, 10)));
    expect(await balance()).toEqual({ available: 40, reserved: 10 });
    expect(await db.creditLedger.count({ where: { runKey } })).toBe(1);
  });
});

describe("settle", () => {
  it("turns the hold into the charge and gives back what the run did not use", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    const agentRunId = randomUUID();
    await settle(runKey, 7, agentRunId);
    expect(await balance()).toEqual({ available: 43, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "settled", amount: 7, agentRunId });
  });

  it("never charges more than the hold", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await settle(runKey, 25);
    expect(await balance()).toEqual({ available: 40, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "settled", amount: 10 });
  });

  it("settles once only: a second settle, or a release after it, changes nothing", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await settle(runKey, 10);
    await settle(runKey, 10);
    await release(runKey);
    expect(await balance()).toEqual({ available: 40, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "settled", amount: 10 });
  });

  it("does nothing for a run that holds nothing", async () => {
    await settle(randomUUID(), 10);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
  });
});

describe("release", () => {
  it("gives the hold back", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await release(runKey);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "released", amount: 10 });
  });

  it("releases once only: a second release, or a settle after it, changes nothing", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await release(runKey);
    await release(runKey);
    await settle(runKey, 10);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
    expect(await entry(runKey)).toMatchObject({ status: "released" });
  });

  it("released concurrently, gives the hold back once", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await Promise.allSettled(Array.from({ length: 4 }, () => release(runKey)));
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
  });

  it("a retry after a release finds the released entry and holds nothing again", async () => {
    const runKey = randomUUID();
    await reserve(runKey, 10);
    await release(runKey);
    await reserve(runKey, 10);
    expect(await balance()).toEqual({ available: 50, reserved: 0 });
  });
});

describe("grant", () => {
  it("adds credits with a posted grant entry and an audit row", async () => {
    const { balance: after, entry: granted } = await grantCredits(db, {
      tenantId,
      amount: 30,
      note: "top-up",
      actorId: adminId,
      requestId: "req-grant-1",
    });
    expect(after.available).toBe(80);
    expect(granted).toMatchObject({ kind: "grant", status: "posted", amount: 30, note: "top-up", actorId: adminId });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: granted.id } });
    expect(audit).toMatchObject({ action: "credits.granted", tenantId, actorId: adminId, requestId: "req-grant-1" });
    expect(await balance()).toEqual({ available: 80, reserved: 0 });
  });

  it("a correction takes credits away, but never below zero (409, nothing written)", async () => {
    await grantCredits(db, { tenantId, amount: -20, note: "correction", actorId: adminId });
    expect(await balance()).toEqual({ available: 30, reserved: 0 });
    const entries = await db.creditLedger.count({ where: { tenantId } });
    await expect(grantCredits(db, { tenantId, amount: -31, note: "too much", actorId: adminId })).rejects.toMatchObject(
      { statusCode: 409, code: "NEGATIVE_BALANCE" },
    );
    expect(await balance()).toEqual({ available: 30, reserved: 0 });
    expect(await db.creditLedger.count({ where: { tenantId } })).toBe(entries);
  });
});
