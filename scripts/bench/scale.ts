import { hashPassword } from "@leadmetrics/auth";
import {
  createDb,
  DEFAULT_DEMO_PASSWORD,
  DEMO_ACCOUNTS,
  SCALE_DEEP_QUEUE_PAGE,
  scaleOwnerEmail,
  seedScale,
} from "@leadmetrics/db";
import { encodeQueueCursor, queueCursorAt } from "../../apps/api/src/domain/review";
import { loginAs } from "./api";
import type { BenchStack } from "./stack";

/** One list at scale: its route and who asks. */
interface ScaleCase {
  name: string;
  who: "reviewer" | "admin" | "owner";
  url: (at: { tenantId: string; deepCursor: string }) => string;
}

export const SCALE_CASES: ScaleCase[] = [
  { name: "DM review queue, page 1", who: "reviewer", url: () => "/dm/v1/review-queue?page=1&pageSize=50" },
  {
    name: "DM review queue, a deep page",
    who: "reviewer",
    url: () => `/dm/v1/review-queue?page=${SCALE_DEEP_QUEUE_PAGE}&pageSize=50`,
  },
  {
    name: "DM review queue, a deep page by cursor",
    who: "reviewer",
    url: (at) => `/dm/v1/review-queue?pageSize=50&cursor=${at.deepCursor}`,
  },
  { name: "a tenant's activities board", who: "owner", url: () => "/tenant/v1/activities?pageSize=100" },
  { name: "a tenant's plans", who: "owner", url: () => "/tenant/v1/plans" },
  { name: "a tenant's members", who: "owner", url: () => "/tenant/v1/members" },
  { name: "audit log of one tenant", who: "admin", url: (at) => `/admin/v1/audit-logs?tenantId=${at.tenantId}` },
  { name: "audit log search, action prefix", who: "admin", url: () => "/admin/v1/audit-logs?action=plan." },
  { name: "failed jobs, newest first", who: "admin", url: () => "/admin/v1/failed-jobs?pageSize=50" },
  { name: "Manage tenants", who: "admin", url: () => "/admin/v1/tenants?pageSize=50" },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * The lists people page through, at scale (`seedScale`: 1,000 tenants, 200,000 activities with
 * their versions and events, 200,000 audit rows, 5,000 failed jobs): `samples` sequential requests
 * each, after 5 unmeasured ones, timed at the client over HTTP to the API process.
 */
export async function benchScale(stack: BenchStack, samples = 60) {
  const seeded = await seedScale(stack.databaseUrl, {}, await hashPassword(DEFAULT_DEMO_PASSWORD));
  const owner = await loginAs(stack.apiUrl, scaleOwnerEmail(500));
  const tokens = {
    owner: owner.accessToken,
    reviewer: (await loginAs(stack.apiUrl, DEMO_ACCOUNTS.reviewer)).accessToken,
    admin: (await loginAs(stack.apiUrl, DEMO_ACCOUNTS.superAdmin)).accessToken,
  };
  const tenantId = owner.session.tenantId!;
  const db = createDb({ url: stack.databaseUrl, poolMax: 1 });
  const deepCursor = encodeQueueCursor(await queueCursorAt(db, "dm_review", (SCALE_DEEP_QUEUE_PAGE - 1) * 50 - 1));
  await db.$disconnect();
  const results: { name: string; p50Ms: number; p95Ms: number; bytes: number }[] = [];
  for (const c of SCALE_CASES) {
    const url = `${stack.apiUrl}${c.url({ tenantId, deepCursor })}`;
    const headers = { authorization: `Bearer ${tokens[c.who]}` };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < samples + 5; i++) {
      const start = performance.now();
      const res = await fetch(url, { headers });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`${c.name}: ${res.status} ${Buffer.from(body).toString()}`);
      if (i >= 5) times.push(performance.now() - start);
      bytes = body.byteLength;
    }
    times.sort((a, b) => a - b);
    results.push({ name: c.name, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), bytes });
  }
  return { seeded, samples, results };
}
