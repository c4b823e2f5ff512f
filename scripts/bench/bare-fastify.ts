import { spawn } from "node:child_process";
import path from "node:path";
import { DEMO_ACCOUNTS } from "@leadmetrics/db";
import { freePort, stopChild } from "@leadmetrics/local-services";
import pg from "pg";
import { type BenchStack, ROOT, waitUntilUp } from "./stack";

/**
 * Baselines for the API: a bare Fastify app in its own process, started like the API's: its
 * liveness route, and the API's members list as bare SQL through `pg` (the physical floor of that
 * route: the same query, no auth, no ORM, no validation).
 */
export async function startBareFastify(stack: BenchStack) {
  const port = await freePort();
  const child = spawn("node", ["--import", "tsx", path.join(ROOT, "scripts/bench/bare-fastify-server.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: stack.databaseUrl },
  });
  const tenantId = await ownerTenantId(stack.databaseUrl);
  const live = `http://127.0.0.1:${port}/live`;
  await waitUntilUp(live);
  return { live, members: `http://127.0.0.1:${port}/members/${tenantId}`, stop: () => stopChild(child) };
}

/** The tenant whose members the API bench lists (the demo owner's). */
async function ownerTenantId(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tenantId: string }>(
      `SELECT m."tenantId" FROM "TenantMember" m JOIN "User" u ON u.id = m."userId" WHERE u.email = $1`,
      [DEMO_ACCOUNTS.acmeOwner],
    );
    if (!rows[0]) throw new Error("the demo owner has no workspace");
    return rows[0].tenantId;
  } finally {
    await client.end();
  }
}
