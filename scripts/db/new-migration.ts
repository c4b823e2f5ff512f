/**
 * pnpm db:new-migration <name>
 * Writes packages/db/prisma/migrations/<timestamp>_<name>/migration.sql: the SQL that takes the
 * committed schema.prisma (git HEAD, which the committed migrations produce) to the working one.
 * Prisma's wasm engine diffs the two datamodels; with a driver adapter configured it still
 * connects, so a throwaway PostgreSQL is started for it. (`migrate dev` would need a shadow
 * database and a native engine this setup does not download.)
 */
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MIGRATIONS_DIR } from "@leadmetrics/db";
import { freePort, startPostgres } from "@leadmetrics/local-services";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:new-migration <snake_case_name>");
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dbPackage = path.join(root, "packages/db");
const dir = await mkdtemp(path.join(tmpdir(), "leadmetrics-migration-"));
await chmod(dir, 0o755);
const pg = await startPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), persistent: false });
try {
  const url = await pg.createDatabase("diff");
  const committed = path.join(dir, "schema.prisma");
  await writeFile(
    committed,
    execFileSync("git", ["show", "HEAD:packages/db/prisma/schema.prisma"], { cwd: root, encoding: "utf8" }),
  );
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--from-schema-datamodel",
      committed,
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { cwd: dbPackage, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" },
  );
  if (!/CREATE|ALTER|DROP/.test(sql)) {
    console.log("schema.prisma matches the last commit: nothing to write");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const out = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "migration.sql"), sql);
    console.log(`wrote ${path.relative(root, out)}/migration.sql`);
  }
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
