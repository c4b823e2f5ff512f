import { createTestDatabase } from "@leadmetrics/testing";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, forTenant, sqlStatement, tenantSqlStatement } from "../src";
import { preparingClientClass } from "../src/prepared-statements";

let url: string;
let db: Db;
let acme: string;
let globex: string;
const seen: string[] = [];

beforeAll(async () => {
  url = await createTestDatabase();
  // One connection: what one statement prepared, the next one on the pool can see.
  db = createDb({ url, poolMax: 1, onQuery: (sql) => seen.push(sql) });
  acme = (await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } })).id;
  globex = (await db.tenant.findUniqueOrThrow({ where: { slug: "globex-marketing" } })).id;
});
afterAll(() => db.$disconnect());

const memberRows = tenantSqlStatement<{ tenantId: string; createdAt: Date; id: string }>(
  `SELECT "tenantId"::text AS "tenantId", "createdAt", id::text AS id FROM "TenantMember" WHERE "tenantId" = $1 ORDER BY id`,
);
const preparedTexts = sqlStatement<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`);

describe("tenant SQL statements", () => {
  it("must filter by the tenant as $1, checked when declared", () => {
    expect(() => tenantSqlStatement(`SELECT id FROM "TenantMember"`)).toThrow(/"tenantId" = \$1/);
    expect(() => tenantSqlStatement(`SELECT id FROM "TenantMember" WHERE "tenantId" = $2`)).toThrow();
    expect(() => tenantSqlStatement(`SELECT id FROM "TenantMember" WHERE "tenantId" = $10`)).toThrow();
  });

  it("may instead insert one row whose tenant comes first, as $1; an upsert must also filter what it updates", () => {
    const insert = `INSERT INTO "BlogPost" ("tenantId", "id", "title") VALUES ($1, $2::uuid, $3)`;
    expect(() => tenantSqlStatement(insert)).not.toThrow();
    expect(() => tenantSqlStatement(`INSERT INTO "BlogPost" ("id", "tenantId") VALUES ($2, $1)`)).toThrow();
    expect(() => tenantSqlStatement(`INSERT INTO "BlogPost" ("tenantId", "id") VALUES ($2, $1)`)).toThrow();
    expect(() => tenantSqlStatement(`INSERT INTO "BlogPost" ("tenantId", "id") VALUES ($1, $2), ($3, $4)`)).toThrow();
    const upsert = `${insert} ON CONFLICT ("activityId") DO UPDATE SET "title" = EXCLUDED."title"`;
    expect(() => tenantSqlStatement(upsert)).toThrow();
    expect(() => tenantSqlStatement(`${upsert} WHERE "BlogPost"."tenantId" = $1`)).not.toThrow();
    expect(() => tenantSqlStatement(`${insert} ON CONFLICT DO NOTHING`)).not.toThrow();
  });

  it("run through a tenant client with that tenant bound: only its own rows come back", async () => {
    const rows = await forTenant(db, acme).$sql.rows(memberRows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tenantId === acme)).toBe(true);
    const other = await forTenant(db, globex).$sql.rows(memberRows);
    expect(other.length).toBeGreaterThan(0);
    expect(other.some((r) => rows.some((mine) => mine.id === r.id))).toBe(false);
  });

  it("read timestamps as the same instants Prisma does, whatever the process's time zone", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Kolkata";
    try {
      const [row] = await forTenant(db, acme).$sql.rows(memberRows);
      const viaPrisma = await db.tenantMember.findUniqueOrThrow({ where: { id: row!.id } });
      expect(row!.createdAt.toISOString()).toBe(viaPrisma.createdAt.toISOString());
    } finally {
      process.env.TZ = zone;
    }
  });

  it("are seen by the query hook, like Prisma's statements", async () => {
    seen.length = 0;
    await forTenant(db, acme).$sql.rows(memberRows);
    expect(seen).toEqual([memberRows.text]);
  });
});

const addCredit = tenantSqlStatement<{ available: number }>(
  `UPDATE "CreditBalance" SET "available" = "available" + 1 WHERE "tenantId" = $1 RETURNING "available"`,
);
const backendPid = sqlStatement<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);

describe("inside an interactive transaction", () => {
  it("a tenant statement runs in the transaction: Prisma sees its write, and it rolls back with it", async () => {
    const tdb = forTenant(db, acme);
    const before = (await tdb.creditBalance.findFirstOrThrow()).available;
    await expect(
      tdb.$transaction(async (tx) => {
        const [row] = await tx.$sql.rows(addCredit);
        expect(row!.available).toBe(before + 1);
        expect((await tx.creditBalance.findFirstOrThrow()).available).toBe(before + 1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await tdb.creditBalance.findFirstOrThrow()).available).toBe(before);
  });

  it("a global statement runs on the transaction's connection too, and commits with it", async () => {
    // The pool has one connection: outside the transaction's connection this would wait forever.
    const pool = createDb({ url, poolMax: 1 });
    try {
      const tdb = forTenant(pool, acme);
      const before = (await tdb.creditBalance.findFirstOrThrow()).available;
      const pids = await pool.$transaction(async (tx) => {
        await forTenant(pool, acme).$sql.rows(addCredit);
        const [inside] = await pool.$sql.rows(backendPid);
        const [viaPrisma] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        return [inside!.pid, viaPrisma!.pid];
      });
      expect(pids[0]).toBe(pids[1]);
      expect((await tdb.creditBalance.findFirstOrThrow()).available).toBe(before + 1);
    } finally {
      await pool.$disconnect();
    }
  });
});

describe("a client used only through the SQL layer", () => {
  it("ends its pool on $disconnect", async () => {
    const only = createDb({ url, poolMax: 1 });
    await only.$sql.rows(backendPid);
    await only.$disconnect();
    await expect(only.$sql.rows(backendPid)).rejects.toThrow(/after calling end/);
  });
});

describe("prepared statements", () => {
  it("are prepared once per connection, for Prisma's statements and the SQL layer's alike", async () => {
    await forTenant(db, acme).$sql.rows(memberRows);
    await db.tenant.findMany({ where: { slug: "acme-digital" }, select: { id: true } });
    const texts = (await db.$sql.rows(preparedTexts)).map((r) => r.statement);
    expect(texts).toContain(memberRows.text);
    expect(texts.some((t) => t.includes('FROM "public"."Tenant"'))).toBe(true);
  });

  it("are bounded: many parameters, or more distinct texts than allowed, go unnamed", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1, Client: preparingClientClass({ maxStatements: 2 }) });
    try {
      const many = Array.from({ length: 70 }, (_, i) => `$${i + 1}::int`).join(", ");
      await pool.query({ text: `SELECT ARRAY[${many}] AS a`, values: Array.from({ length: 70 }, (_, i) => i) });
      for (const n of [1, 2, 3]) await pool.query({ text: `SELECT $1::int + ${n} AS n`, values: [n] });
      const { rows } = await pool.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`);
      expect(rows.map((r) => r.statement).sort()).toEqual(["SELECT $1::int + 1 AS n", "SELECT $1::int + 2 AS n"]);
    } finally {
      await pool.end();
    }
  });
});
