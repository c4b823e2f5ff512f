import { createDb, type Db } from "@leadmetrics/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownPostgres, type RestartablePostgres } from "./support";

let pg: RestartablePostgres;
let db: Db;
const POOL = 3;

beforeAll(async () => {
  pg = await ownPostgres();
  db = createDb({ url: pg.url, poolMax: POOL, connectionTimeoutMs: 2_000 });
}, 120_000);
afterAll(async () => {
  await db?.$disconnect();
  await pg?.close();
});

describe("a PostgreSQL restart in the middle of transactions", () => {
  it("gives every pooled connection back: the process works again once the database is back", async () => {
    // As many open transactions as the pool has connections, each cut off by the restart.
    const open = Array.from({ length: POOL }, () =>
      db
        .$transaction(async (tx) => {
          await tx.$queryRaw`SELECT pg_sleep(0.4)`;
          await tx.$queryRaw`SELECT pg_sleep(0.4)`;
        })
        .then(
          () => "committed",
          () => "failed",
        ),
    );
    await new Promise((r) => setTimeout(r, 200));
    await pg.stop();
    expect(await Promise.all(open)).toEqual(Array.from({ length: POOL }, () => "failed"));
    await pg.start();

    // Before the fix each cut-off transaction kept its connection forever, so with a full pool
    // every later query timed out waiting for one. Now queries and transactions work again.
    for (let i = 0; i < POOL * 2; i++)
      expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    const results = await Promise.all(
      Array.from({ length: POOL }, (_, i) =>
        db.$transaction(async (tx) => (await tx.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n`)[0]!.n),
      ),
    );
    expect(results).toEqual([0, 1, 2]);
  }, 60_000);
});
