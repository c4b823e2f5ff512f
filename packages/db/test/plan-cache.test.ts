import { createTestDatabase } from "@leadmetrics/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src";
import { parameterize } from "../src/plan-cache";

let db: Db;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  url = await createTestDatabase();
  db = createDb({ url, poolMax: 2, onQuery: (sql) => seen.push(sql) });
});
afterAll(() => db.$disconnect());

const stats = () => db.$planCache?.stats() ?? { hits: 0, misses: 0, refused: 0, size: 0 };

describe("parameterize", () => {
  const field = (name: string, kind: string, type: string) => ({ name, kind, type });
  const dataModel = {
    models: {
      Activity: {
        fields: [
          ...["tenantId", "id", "title"].map((n) => field(n, "scalar", "String")),
          field("slot", "scalar", "Int"),
          field("count", "scalar", "Int"),
          field("status", "enum", "ActivityStatus"),
          field("deletedAt", "scalar", "DateTime"),
          field("createdAt", "scalar", "DateTime"),
          field("extra", "scalar", "Json"),
          field("plan", "object", "Plan"),
          field("versions", "object", "Version"),
        ],
      },
      Plan: { fields: [field("name", "scalar", "String")] },
    },
  };
  const q = (action: string, args: Record<string, unknown>) => ({
    modelName: "Activity",
    action,
    query: { arguments: args },
  });

  it("lifts values compared or written, and keeps what shapes the plan", () => {
    const { shape, values } = parameterize(
      q("findMany", {
        where: {
          tenantId: "t1",
          deletedAt: null,
          slot: { gte: 3, in: [1, 2] },
          title: { contains: "50%_off", mode: "insensitive" },
          OR: [{ status: "planned" }, { status: { not: "published" } }],
          plan: { is: { name: "Q1" } },
          tenantId_id: { tenantId: "t1", id: "a1" },
          createdAt: { gte: { $type: "DateTime", value: "2026-01-01T00:00:00.000Z" } },
        },
        take: 20,
        skip: 40,
      }),
      dataModel,
    );
    expect(values).toEqual({ p0: "t1", p1: 3, p2: "planned", p3: "published", p4: "Q1", p5: "t1", p6: "a1" });
    const args = shape.query.arguments as Record<string, unknown>;
    expect(args.take).toBe(20);
    expect(args.skip).toBe(40);
    expect(args.where).toEqual({
      tenantId: { $type: "Param", value: "p0" },
      deletedAt: null,
      slot: { gte: { $type: "Param", value: "p1" }, in: [1, 2] },
      title: { contains: "50%_off", mode: "insensitive" },
      OR: [{ status: { $type: "Param", value: "p2" } }, { status: { not: { $type: "Param", value: "p3" } } }],
      plan: { is: { name: { $type: "Param", value: "p4" } } },
      tenantId_id: { tenantId: { $type: "Param", value: "p5" }, id: { $type: "Param", value: "p6" } },
      createdAt: { gte: { $type: "DateTime", value: "2026-01-01T00:00:00.000Z" } },
    });
  });

  it("lifts written scalars and number updates, not relation writes, tagged values or upserts", () => {
    const { shape, values } = parameterize(
      q("updateMany", {
        where: { id: "x" },
        data: {
          title: "T",
          count: { increment: 2 },
          extra: { $type: "Json", value: "{}" },
          versions: { create: { title: "V" } },
          title2: "not a field",
          extra2: "x",
        },
      }),
      dataModel,
    );
    expect(values).toEqual({ p0: "x", p1: "T", p2: 2 });
    // A JSON column's string is JSON text: it stays in the shape, as does anything not a column.
    expect((shape.query.arguments as { data: unknown }).data).toEqual({
      title: { $type: "Param", value: "p1" },
      count: { increment: { $type: "Param", value: "p2" } },
      extra: { $type: "Json", value: "{}" },
      versions: { create: { title: "V" } },
      title2: "not a field",
      extra2: "x",
    });
    expect(parameterize(q("updateMany", { data: { extra: "x" } }), dataModel).values).toEqual({});
    expect(
      parameterize(q("upsertOne", { where: { id: "x" }, create: { id: "x" }, update: {} }), dataModel).values,
    ).toEqual({});
  });
});

describe("the plan cache on a real client", () => {
  it("compiles a shape once and answers each run with its own values", async () => {
    const slugs = ["acme-digital", "globex-marketing"];
    const before = stats();
    const found = [];
    for (let round = 0; round < 3; round++)
      for (const slug of slugs) found.push(await db.tenant.findUnique({ where: { slug }, select: { slug: true } }));
    expect(found.map((t) => t?.slug)).toEqual([...slugs, ...slugs, ...slugs]);
    const after = stats();
    expect(after.misses - before.misses).toBe(1);
    expect(after.hits - before.hits).toBe(5);
    expect(await db.tenant.findUnique({ where: { slug: "no-such-tenant" } })).toBeNull();
  });

  it("writes each run's values, and number updates apply their own operand", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
    const start = (await db.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).available;
    for (const n of [5, 7, 11])
      await db.creditBalance.updateMany({ where: { tenantId: tenant.id }, data: { available: { increment: n } } });
    const end = (await db.creditBalance.findUniqueOrThrow({ where: { tenantId: tenant.id } })).available;
    expect(end - start).toBe(23);
  });

  it("keeps an upsert one atomic INSERT … ON CONFLICT", async () => {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
    seen.length = 0;
    for (const runKey of ["plan-cache-a", "plan-cache-b", "plan-cache-a"])
      await db.agentRun.upsert({
        where: { runKey },
        create: { tenantId: tenant.id, runKey, role: "blog-writer", adapter: "offline", model: "m", status: "running" },
        update: { attempts: { increment: 1 } },
      });
    const writes = seen.filter((sql) => /^(INSERT|UPDATE|SELECT)/.test(sql.trim()));
    expect(writes.every((sql) => sql.includes("ON CONFLICT"))).toBe(true);
    const runs = await db.agentRun.findMany({ where: { runKey: { in: ["plan-cache-a", "plan-cache-b"] } } });
    expect(runs.map((r) => [r.runKey, r.attempts]).sort()).toEqual([
      ["plan-cache-a", 2],
      ["plan-cache-b", 1],
    ]);
  });

  it("can be turned off", async () => {
    const off = createDb({ url, planCache: false });
    expect(off.$planCache).toBeUndefined();
    await off.$disconnect();
  });
});
