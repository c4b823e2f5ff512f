import { readFileSync } from "node:fs";
import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, forTenant, NOT_TENANT_SCOPED, TENANT_SCOPED_MODELS, TenantScopeError } from "../src";
import { DEMO_ACCOUNTS } from "../src/seed";

let db: Db;
let acme: string;
let globex: string;
let globexMemberId: string;
let globexOwnerId: string;

beforeAll(async () => {
  db = createDb({ url: await createTestDatabase(), poolMax: 3 });
  acme = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  globex = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
  globexOwnerId = (await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.globexOwner } })).id;
  globexMemberId = (await db.tenantMember.findFirstOrThrow({ where: { tenantId: globex } })).id;
});
afterAll(() => db.$disconnect());

describe("forTenant", () => {
  it("reads only its own tenant's rows", async () => {
    const scoped = forTenant(db, acme);
    const members = await scoped.tenantMember.findMany();
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.tenantId === acme)).toBe(true);
    expect(await scoped.tenantMember.findUnique({ where: { id: globexMemberId } })).toBeNull();
    expect(await scoped.tenantMember.findFirst({ where: { id: globexMemberId } })).toBeNull();
    expect(await scoped.tenantMember.count({ where: { id: globexMemberId } })).toBe(0);
  });

  it("cannot update or delete another tenant's row", async () => {
    const scoped = forTenant(db, acme);
    await expect(
      scoped.tenantMember.update({ where: { id: globexMemberId }, data: { role: "member" } }),
    ).rejects.toMatchObject({ code: "P2025" });
    expect(
      (await scoped.tenantMember.updateMany({ where: { id: globexMemberId }, data: { role: "member" } })).count,
    ).toBe(0);
    await expect(scoped.tenantMember.delete({ where: { id: globexMemberId } })).rejects.toMatchObject({
      code: "P2025",
    });
    expect((await scoped.tenantMember.deleteMany({ where: { id: globexMemberId } })).count).toBe(0);
    const untouched = await db.tenantMember.findUniqueOrThrow({ where: { id: globexMemberId } });
    expect(untouched.role).toBe("owner");
  });

  it("refuses a query that names another tenant", async () => {
    const scoped = forTenant(db, acme);
    await expect(scoped.tenantMember.findMany({ where: { tenantId: globex } })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
    await expect(
      scoped.tenantMember.create({ data: { tenantId: globex, userId: globexOwnerId, role: "member" } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    await expect(scoped.tenantMember.updateMany({ data: { tenantId: globex } })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
    await expect(
      scoped.tenantMember.create({
        data: {
          tenant: { connect: { id: globex } },
          user: { connect: { id: globexOwnerId } },
          role: "member",
        } as never,
      }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    expect(await db.tenantMember.count({ where: { tenantId: globex, userId: globexOwnerId } })).toBe(1);
  });

  it("fills in its own tenant on create", async () => {
    const scoped = forTenant(db, acme);
    const row = await scoped.auditLog.create({ data: { action: "test.event", targetType: "Test" } });
    expect(row.tenantId).toBe(acme);
  });

  it("sees only its own tenant row and its members' users", async () => {
    const scoped = forTenant(db, acme);
    expect((await scoped.tenant.findMany()).map((t) => t.id)).toEqual([acme]);
    expect(await scoped.tenant.findFirst({ where: { id: globex } })).toBeNull();
    expect(await scoped.tenant.findUnique({ where: { id: globex } })).toBeNull();
    await expect(scoped.tenant.update({ where: { id: globex }, data: { name: "Renamed" } })).rejects.toMatchObject({
      code: "P2025",
    });
    await expect(scoped.tenant.update({ where: { id: acme }, data: { status: "suspended" } })).rejects.toBeInstanceOf(
      TenantScopeError,
    );
    expect((await db.tenant.findUniqueOrThrow({ where: { id: globex } })).name).toBe("Globex Marketing");
    const users = await scoped.user.findMany();
    expect(users.map((u) => u.email)).toEqual([DEMO_ACCOUNTS.acmeOwner]);
    expect(await scoped.user.findUnique({ where: { id: globexOwnerId } })).toBeNull();
  });

  it("refuses raw SQL, global auth tables and privileged user fields", async () => {
    const scoped = forTenant(db, acme);
    await expect(scoped.$queryRaw`SELECT 1`).rejects.toBeInstanceOf(TenantScopeError);
    await expect(scoped.refreshToken.findMany()).rejects.toBeInstanceOf(TenantScopeError);
    await expect(scoped.userToken.findMany()).rejects.toBeInstanceOf(TenantScopeError);
    await expect(
      scoped.user.create({ data: { email: "x@y.test", name: "X", platformRole: "super_admin" } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    await expect(
      scoped.user.update({ where: { id: globexOwnerId }, data: { name: "Hijacked" } }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    await expect(
      scoped.user.upsert({
        where: { email: DEMO_ACCOUNTS.globexOwner },
        create: { email: DEMO_ACCOUNTS.globexOwner, name: "x" },
        update: {},
      }),
    ).rejects.toBeInstanceOf(TenantScopeError);
    expect(
      await scoped.user.upsert({
        where: { email: DEMO_ACCOUNTS.globexOwner },
        create: { email: DEMO_ACCOUNTS.globexOwner, name: "x" },
        update: {},
        select: { id: true },
      }),
    ).toEqual({ id: globexOwnerId });
  });

  it("keeps the same isolation inside an interactive transaction", async () => {
    const scoped = forTenant(db, acme);
    const seen = await scoped.$transaction((tx) => tx.tenantMember.findMany({ select: { tenantId: true } }));
    expect(seen.every((m) => m.tenantId === acme)).toBe(true);
  });

  it("lists every model that has a tenantId column as scoped or deliberately unscoped", () => {
    const schema = readFileSync(new URL("../prisma/schema.prisma", import.meta.url), "utf8");
    const withTenantId = [...schema.matchAll(/model (\w+) \{([^}]*)\}/g)]
      .filter(([, , body]) => /^\s+tenantId\s/m.test(body!))
      .map(([, name]) => name!);
    const classified = new Set<string>([...TENANT_SCOPED_MODELS, ...NOT_TENANT_SCOPED]);
    expect(withTenantId.filter((m) => !classified.has(m))).toEqual([]);
  });
});

describe("audit log", () => {
  it("is append-only at the database level", async () => {
    const row = await db.auditLog.create({ data: { action: "test.append_only", targetType: "Test" } });
    await expect(db.auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
  });
});
