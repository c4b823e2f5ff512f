import { readFileSync } from "node:fs";
import { createDb } from "@leadmetrics/db";
import pg from "pg";
import { reviewQueue } from "../../apps/api/src/domain/review";

const { databaseUrl } = JSON.parse(readFileSync("/work/scratch/scale-db.json", "utf8"));
const cap: { sql: string; params: unknown[] }[] = [];
const db = createDb({ url: databaseUrl, poolMax: 4, onQuery: (sql, params) => cap.push({ sql, params }) });
const first = await reviewQueue(db, "dm_review", {}, { skip: 9700, take: 50 });
const cursor = first.cursors.next!;
for (const dir of ["after", "before"] as const) {
  const c = { ...cursor, direction: dir };
  for (let i = 0; i < 3; i++) await reviewQueue(db, "dm_review", {}, { take: 50, cursor: c });
  cap.length = 0;
  const t = [];
  for (let i = 0; i < 10; i++) {
    const s = performance.now();
    const r = await reviewQueue(db, "dm_review", {}, { take: 50, cursor: c });
    t.push(performance.now() - s);
    if (i === 0) console.log(dir, r.items.length, !!r.cursors.next, !!r.cursors.prev);
  }
  t.sort((a, b) => a - b);
  console.log(dir, "domain fn p50", t[5]!.toFixed(1), "max", t[9]!.toFixed(1));
  const pgc = new pg.Client({ connectionString: databaseUrl });
  await pgc.connect();
  const q = cap.find((x) => x.sql.includes("ORDER BY"))!;
  const r = await pgc.query("EXPLAIN (ANALYZE) " + q.sql, q.params as unknown[]);
  console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
  await pgc.end();
}
await db.$disconnect();
