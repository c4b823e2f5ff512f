import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, forTenant, SCALE_TENANT_SLUG_PREFIX, scaleOwnerEmail, seedScale } from "../src";

const sizes = { tenants: 6, plansPerTenant: 2, periodsPerPlan: 3, slotsPerPeriod: 4, failedJobs: 10 };
let url: string;
let db: Db;

beforeAll(async () => {
  url = await createTestDatabase();
  db = createDb({ url, poolMax: 2 });
});
afterAll(() => db.$disconnect());

describe("seedScale", () => {
  it("builds consistent tenants, plans, activities, versions and events, and refuses a second run", async () => {
    const result = await seedScale(url, sizes);
    expect(result).toMatchObject({ tenants: 6, activities: 6 * 2 * 3 * 4 });

    const tenants = await db.tenant.findMany({ where: { slug: { startsWith: SCALE_TENANT_SLUG_PREFIX } } });
    expect(tenants).toHaveLength(6);
    expect(await db.activity.count({ where: { tenantId: { in: tenants.map((t) => t.id) } } })).toBe(144);
    expect(await db.contentVersion.count({ where: { tenantId: { in: tenants.map((t) => t.id) } } })).toBe(144 * 3);
    expect(await db.failedJob.count({ where: { jobId: { startsWith: "scale-" } } })).toBe(10);

    // Every row hangs together through the tenant-scoped client: the owner's tenant sees its own work.
    const owner = await db.user.findUniqueOrThrow({
      where: { email: scaleOwnerEmail(1) },
      include: { memberships: true },
    });
    expect(owner.memberships).toEqual([expect.objectContaining({ role: "owner" })]);
    const scoped = forTenant(db, owner.memberships[0]!.tenantId);
    const activities = await scoped.activity.findMany({ include: { versions: true, events: true } });
    expect(activities).toHaveLength(24);
    for (const a of activities) {
      expect(a.versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
      expect(a.events).toHaveLength(4);
      expect(a.versions.some((v) => v.id === a.currentVersionId)).toBe(true);
    }
    // Statuses cover the review queues the benchmarks read.
    const statuses = new Set((await db.activity.findMany({ select: { status: true } })).map((a) => a.status));
    expect(statuses).toContain("dm_review");
    expect(statuses).toContain("published");

    await expect(seedScale(url, sizes)).rejects.toThrow(/already holds the scale fixture/);
    expect(await db.tenant.count({ where: { slug: { startsWith: SCALE_TENANT_SLUG_PREFIX } } })).toBe(6);
  });
});
