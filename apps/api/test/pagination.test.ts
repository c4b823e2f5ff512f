import { randomUUID } from "node:crypto";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeQueueCursor } from "../src/domain/review";
import { bearer, createTestApp, type TestApp } from "./helpers";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("pages", () => {
  it("never repeat or skip a row, even when many rows share one timestamp", async () => {
    const admin = await t.login(DEMO_ACCOUNTS.superAdmin);
    const at = new Date("2026-11-30T12:00:00.000Z");
    await t.db.auditLog.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({
        action: "pager.same_instant",
        targetType: "Test",
        targetId: String(i),
        createdAt: at,
      })),
    });
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; page <= 5; page++) {
      const res = await t.app.inject({
        method: "GET",
        url: `/admin/v1/audit-logs?action=pager.&pageSize=7&page=${page}`,
        headers: bearer(admin.accessToken),
      });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { targetId: string }[]; total: number; page: number; pageSize: number };
      expect(body).toMatchObject({ total: 30, page, pageSize: 7 });
      total = body.total;
      seen.push(...body.items.map((i) => i.targetId));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(30);
  });

  it("count the audit log only up to 10,000 and say the total is a lower bound past it", async () => {
    const admin = await t.login(DEMO_ACCOUNTS.superAdmin);
    const list = async (action: string) => {
      const res = await t.app.inject({
        method: "GET",
        url: `/admin/v1/audit-logs?action=${action}&pageSize=50`,
        headers: bearer(admin.accessToken),
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: unknown[]; total: number; totalCapped: boolean };
    };
    const rows = (action: string, n: number) =>
      t.db.auditLog.createMany({
        data: Array.from({ length: n }, (_, i) => ({ action, targetType: "Test", targetId: String(i) })),
      });
    await rows("capped.many", 10_050);
    await rows("capped.few", 9_999);
    expect(await list("capped.many")).toMatchObject({ total: 10_000, totalCapped: true });
    expect(await list("capped.few")).toMatchObject({ total: 9_999, totalCapped: false });
    // A prefix is matched literally: "_" is not a wildcard, in the page or in its count.
    await rows("literal_x.one", 1);
    await rows("literalAx.two", 1);
    const literal = await list("literal_x.");
    expect(literal).toMatchObject({ total: 1, totalCapped: false });
    expect(literal.items).toHaveLength(1);
  });

  it("of the DM queue follow nextCursor, and a cursor the API did not write is refused with 400", async () => {
    const reviewer = await t.login(DEMO_ACCOUNTS.reviewer);
    const get = (query: string) =>
      t.app.inject({ method: "GET", url: `/dm/v1/review-queue?${query}`, headers: bearer(reviewer.accessToken) });
    const first = (await get("pageSize=1")).json() as { nextCursor: string | null; prevCursor: string | null };
    expect(first.prevCursor).toBeNull();
    // From before every row: the whole queue follows, with no page before it.
    const start = encodeQueueCursor({ direction: "after", updatedAt: new Date(0), id: randomUUID() });
    const all = (await get("pageSize=200")).json() as { items: { id: string }[] };
    const fromStart = await get(`pageSize=200&page=2&cursor=${start}`);
    expect(fromStart.statusCode).toBe(200);
    expect(fromStart.json()).toMatchObject({ page: 2, items: all.items, nextCursor: null });
    for (const cursor of ["nope", Buffer.from('["a","yesterday","x"]').toString("base64url"), "a%20b"]) {
      const res = await get(`cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
    }
  });
});
