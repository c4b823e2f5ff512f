import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { createDb, DEMO_ACCOUNTS } from "@leadmetrics/db";
import { measureHttp } from "./api";
import { apiLogin, portalPages } from "./portals";
import { ROOT } from "./stack";

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  rssKiB: number;
  pssKiB: number;
}

function allProcesses(): Proc[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const status = readFileSync(`/proc/${d}/status`, "utf8");
        const smaps = readFileSync(`/proc/${d}/smaps_rollup`, "utf8");
        const field = (text: string, key: string) => text.match(new RegExp(`^${key}:\\s*(.*)$`, "m"))?.[1] ?? "";
        const kib = (text: string, key: string) => parseInt(field(text, key), 10) || 0;
        return [
          {
            pid: Number(d),
            ppid: Number(field(status, "PPid")),
            name: field(status, "Name").split(" ")[0]!,
            rssKiB: kib(status, "VmRSS"),
            pssKiB: kib(smaps, "Pss"),
          },
        ];
      } catch {
        return []; // exited meanwhile
      }
    });
}

const BY_FOLDER: Record<string, string> = {
  "apps/api": "API",
  "apps/servers/agents": "agents server",
  "apps/servers/notifications": "notifications server",
  "apps/dashboard": "Dashboard portal",
  "apps/dm": "DM portal",
  "apps/manage": "Manage portal",
};

function label(p: Proc) {
  if (p.name === "postgres") return "PostgreSQL";
  if (p.name === "redis-server") return "Redis";
  try {
    return BY_FOLDER[path.relative(ROOT, readlinkSync(`/proc/${p.pid}/cwd`))];
  } catch {
    return undefined;
  }
}

export type RssSnapshot = Map<string, { mib: number; pssMib: number; processes: string[] }>;

/**
 * RSS of each process of the stack: every child this process started (node itself, not a wrapper),
 * with whatever it spawned in turn summed in (PostgreSQL's backends, Next's workers).
 * PSS too: summed RSS counts shared pages (PostgreSQL's shared buffers) once per process.
 */
export function stackRss(): RssSnapshot {
  const procs = allProcesses();
  const tree = (p: Proc): Proc[] => [p, ...procs.filter((c) => c.ppid === p.pid).flatMap(tree)];
  const out: RssSnapshot = new Map();
  for (const child of procs.filter((p) => p.ppid === process.pid)) {
    const name = label(child);
    if (!name) continue;
    const members = tree(child);
    const mib = (key: "rssKiB" | "pssKiB") => members.reduce((n, p) => n + p[key], 0) / 1024;
    out.set(name, { mib: mib("rssKiB"), pssMib: mib("pssKiB"), processes: members.map((p) => p.name) });
  }
  return out;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sustained mixed load on the full stack: autocannon on the authenticated list and the liveness
 * route, a plan submitted and approved every second (the planner and writers draft it), the DM
 * approving the two oldest reviews each time (notifications), and the two portal pages rendering.
 */
export async function mixedLoad(minutes: number) {
  const api = process.env.E2E_API_URL!;
  const db = createDb({ url: process.env.E2E_DATABASE_URL!, poolMax: 1 });
  await db.creditBalance.updateMany({ data: { available: 1_000_000 } });
  const [owner, reviewer, pages] = await Promise.all([
    apiLogin("dashboard", DEMO_ACCOUNTS.acmeOwner),
    apiLogin("dm", DEMO_ACCOUNTS.reviewer),
    portalPages(),
  ]);
  const call = async <T>(token: string, method: string, route: string, body?: object) => {
    const res = await fetch(`${api}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body && JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status}`);
    return (await res.json()) as T;
  };
  const started = new Date();
  const until = Date.now() + minutes * 60_000;
  const done = { plans: 0, dmApprovals: 0, renders: 0, failures: 0 };

  const pipeline = async () => {
    for (let i = 0; Date.now() < until; i++) {
      try {
        const plan = await call<{ id: string }>(owner, "POST", "/tenant/v1/plans", {
          name: `Load ${i}`,
          cadence: "weekly",
          startDate: "2027-01-04",
          periodCount: 1,
          items: [{ deliverableType: "blog_post", quantity: 2 }],
        });
        await call(owner, "POST", `/tenant/v1/plans/${plan.id}/submit`);
        await call(owner, "POST", `/tenant/v1/plans/${plan.id}/approve`);
        done.plans++;
        const queue = await call<{ items: { id: string }[] }>(reviewer, "GET", "/dm/v1/review-queue?pageSize=2");
        for (const a of queue.items) {
          await call(reviewer, "POST", `/dm/v1/activities/${a.id}/approve`, {});
          done.dmApprovals++;
        }
      } catch {
        done.failures++;
      }
      await pause(1_000);
    }
  };
  const portals = async () => {
    while (Date.now() < until) {
      for (const page of Object.values(pages)) {
        const res = await fetch(page.url, { headers: { cookie: page.cookie }, redirect: "manual" }).catch(
          () => undefined,
        );
        await res?.text();
        if (res?.status === 200) done.renders++;
        else done.failures++;
      }
      await pause(500);
    }
  };
  const seconds = minutes * 60;
  // 20 connections each: a sustained load beside the pipeline and the portals, comparable across reports.
  const [list, live] = await Promise.all([
    measureHttp(
      "GET /tenant/v1/members (authenticated)",
      `${api}/tenant/v1/members`,
      { authorization: `Bearer ${owner}` },
      seconds,
      20,
    ),
    measureHttp("GET /health/live", `${api}/health/live`, {}, seconds, 20),
    pipeline(),
    portals(),
  ]);
  await pause(5_000); // let the queues drain what the last seconds enqueued
  const drafted = await db.activity.groupBy({
    by: ["status"],
    where: { plan: { name: { startsWith: "Load " } } },
    _count: { _all: true },
  });
  const notifications = await db.notification.count({ where: { createdAt: { gte: started } } });
  await db.$disconnect();
  return {
    minutes,
    list,
    live,
    ...done,
    activities: Object.fromEntries(drafted.map((g) => [g.status, g._count._all])),
    notifications,
  };
}
