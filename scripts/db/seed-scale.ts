/**
 * pnpm seed:scale: the scale fixture (1,000 tenants, 200,000 activities with 3 versions and 4
 * events each, 2,000 users) in the database at DATABASE_URL, or in a throwaway PostgreSQL when
 * none is given (it prints the URL and keeps running until Ctrl+C, for profiling by hand).
 * Owners sign in with DEMO_PASSWORD as owner-N@scale.leadmetrics.local.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { hashPassword } from "@leadmetrics/auth";
import { DEFAULT_DEMO_PASSWORD, migrate, seedScale } from "@leadmetrics/db";
import { freePort, startPostgres } from "@leadmetrics/local-services";

const password = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
let url = process.env.DATABASE_URL;
let stop: (() => Promise<void>) | undefined;
if (!url) {
  const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-scale-"));
  const pg = await startPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
  url = await pg.createDatabase("scale");
  stop = async () => {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
await migrate(url);
const result = await seedScale(url, {}, await hashPassword(password));
console.log(`scale fixture: ${result.tenants} tenants, ${result.activities} activities in ${result.ms} ms`);
if (stop) {
  console.log(`DATABASE_URL=${url}  (Ctrl+C stops this PostgreSQL and removes its data)`);
  const done = stop;
  process.once("SIGINT", () => void done().finally(() => process.exit(0)));
  await new Promise(() => {});
}
