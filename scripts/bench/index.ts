import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BENCH_CONNECTIONS, benchApiAgainstFloor, type HttpFigure } from "./api";
import { mixedLoad, stackRss } from "./memory";
import { benchNotificationLatency } from "./notifications";
import { benchPortals, benchPortalsAtScale, startFullStack } from "./portals";
import { benchPublish, formatPublishFigures } from "./publish";
import { benchQueue } from "./queue";
import { benchRedis, REDIS_BENCH_ARGS } from "./redis";
import { benchScale } from "./scale";
import { ROOT, startBenchStack } from "./stack";

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const loadMinutes = Number(process.env.BENCH_LOAD_MINUTES ?? 5);
const warmUpMinutes = Number(process.env.BENCH_WARMUP_MINUTES ?? 1);
const row = (f: HttpFigure) =>
  `  ${f.name.padEnd(42)} ${String(f.requestsPerSecond).padStart(7)} req/s   p50 ${String(f.p50Ms).padStart(4)} ms   p99 ${String(f.p99Ms).padStart(4)} ms   non-2xx ${f.non2xx}`;
const ratio = (what: string, a: number, b: number, digits = 3) => `  ratio ${what}: ${(a / b).toFixed(digits)}`;

// Everything printed is also the report: docs/benchmarks.md holds this run's figures, never typed-in ones.
const report: string[] = [];
const say = (line: string) => {
  console.log(line);
  report.push(line);
};

// Ctrl+C stops whatever stack is running (PostgreSQL, Redis and the servers are child processes).
let stopRunning: (() => Promise<void>) | undefined;
process.once("SIGINT", () => {
  console.log("\ninterrupted: stopping the benchmark stack");
  void (stopRunning?.() ?? Promise.resolve()).finally(() => process.exit(130));
});

// Load average: anything else running on the machine shows here and skews every figure below.
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
say(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`,
);
say(`load average (1 / 5 / 15 min) at the start: ${loadAverage()}`);
const stack = await startBenchStack();
stopRunning = () => stack.stop();
try {
  const api = await benchApiAgainstFloor(stack, seconds, rounds);
  say(
    `\nAPI (autocannon, ${BENCH_CONNECTIONS} connections, ${rounds} alternating rounds of ${seconds} s, median round shown; each server in its own process)`,
  );
  say(row(api.bareLive));
  say(row(api.bareList));
  say(row(api.apiLive));
  say(row(api.list));
  say(`  ratio API liveness / bare Fastify: ${api.ratio.liveness.toFixed(3)}`);
  say(
    `  ratio authenticated list / bare Fastify + pg, same SQL (target >= 0.5): ${api.ratio.list.toFixed(3)} (rounds: ${api.listRatios.map((r) => r.toFixed(3)).join(", ")})`,
  );
  say(`  ratio authenticated list / liveness: ${api.ratio.listToLiveness.toFixed(3)}`);

  const q = await benchQueue(stack, Number(process.env.BENCH_PIPELINE_JOBS ?? 300));
  const redis = await benchRedis(stack.redisUrl);
  say(`\nQueues (same Redis, concurrency 2)`);
  say(
    `  raw BullMQ no-op jobs          ${q.raw.jobsPerSecond.toFixed(0).padStart(7)} jobs/s   (${q.raw.jobs} jobs in ${q.raw.seconds.toFixed(2)} s)`,
  );
  say(
    `  pipeline blog-writer jobs      ${q.pipeline.jobsPerSecond.toFixed(1).padStart(7)} jobs/s   (${q.pipeline.jobs} jobs in ${q.pipeline.seconds.toFixed(2)} s; offline adapter, DB transaction, follow-up enqueue)`,
  );
  say(
    `  raw BullMQ + the same SQL       ${q.rawSql.jobsPerSecond.toFixed(1).padStart(7)} jobs/s   (${q.rawSql.jobs} jobs in ${q.rawSql.seconds.toFixed(2)} s; each replays one pipeline job's ${q.statementsPerJob} statements through bare pg)`,
  );
  say(ratio("pipeline / raw BullMQ + the same SQL", q.pipeline.jobsPerSecond, q.rawSql.jobsPerSecond, 3));
  say(ratio("pipeline / raw no-op", q.pipeline.jobsPerSecond, q.raw.jobsPerSecond, 4));
  if (redis) {
    say(
      `  ceiling: redis-benchmark ${REDIS_BENCH_ARGS.join(" ")} on the same Redis: SET ${redis.set} req/s, GET ${redis.get} req/s`,
    );
    say(ratio("raw BullMQ jobs / Redis SETs", q.raw.jobsPerSecond, redis.set, 4));
  } else {
    say("  ceiling: not measured, /usr/bin/redis-benchmark is not installed (apt-get install redis-server)");
  }

  const published = await benchPublish(stack, Number(process.env.BENCH_PUBLISH_POSTS ?? 100));
  say(
    `\nPublishing per network against its local server (text posts; the job path: queue, HITL gate, tokens, client, transition)`,
  );
  for (const line of formatPublishFigures(published)) say(line);

  const n = await benchNotificationLatency(stack, Number(process.env.BENCH_TRANSITIONS ?? 200));
  say(`\nNotification latency, transition commit → arrival (${n.transitions} DM approvals, one at a time)`);
  say(`  in-app over Socket.IO    p50 ${n.inApp.p50} ms   p95 ${n.inApp.p95} ms   max ${n.inApp.max} ms`);
  say(`  email at the SMTP server p50 ${n.email.p50} ms   p95 ${n.email.p95} ms   max ${n.email.max} ms`);

  // Last on this stack: it seeds the scale fixture into the database the figures above used.
  const scale = await benchScale(stack, Number(process.env.BENCH_SCALE_SAMPLES ?? 60));
  say(
    `\nLists at scale (${scale.seeded.tenants} tenants, ${scale.seeded.activities} activities with 3 versions and their events, 200,000 audit rows, 5,000 failed jobs; ${scale.samples} sequential requests each over HTTP; target p95 < 50 ms)`,
  );
  for (const r of scale.results) {
    say(
      `  ${r.name.padEnd(36)} p50 ${r.p50Ms.toFixed(1).padStart(6)} ms   p95 ${r.p95Ms.toFixed(1).padStart(6)} ms   ${(r.bytes / 1024).toFixed(1).padStart(6)} KiB`,
    );
  }
} finally {
  await stack.stop();
}

const teardown = await startFullStack();
stopRunning = teardown;
try {
  await new Promise((r) => setTimeout(r, 5_000));
  const idle = stackRss();

  const portals = await benchPortals(Number(process.env.BENCH_RENDERS ?? 40));
  say(`\nPortals (production builds, 1,000 activities seeded, ${portals.runs} sequential renders each)`);
  say(`  Dashboard /activities   p50 ${portals.dashboard.p50} ms   p95 ${portals.dashboard.p95} ms`);
  say(`  DM /review              p50 ${portals.dm.p50} ms   p95 ${portals.dm.p95} ms`);
  say(
    `  first-load JS (login page, as served): ${Object.entries(portals.js)
      .map(([k, v]) => `${k} ${v} KiB`)
      .join(", ")}`,
  );

  const atScale = await benchPortalsAtScale(Number(process.env.BENCH_RENDERS ?? 40));
  say(
    `\nPortals at scale (the scale fixture seeded into the same stack: ${atScale.seeded.tenants} tenants, ${atScale.seeded.activities} activities; ${atScale.runs} sequential renders each; target p95 < 150 ms)`,
  );
  say(
    `  Dashboard /activities (a scale tenant's owner)   p50 ${atScale.dashboard.p50} ms   p95 ${atScale.dashboard.p95} ms`,
  );
  say(`  DM /review (10,000 drafts waiting, 1,000 clients) p50 ${atScale.dm.p50} ms   p95 ${atScale.dm.p95} ms`);

  // The baseline for growth is the stack after a warm-up under the same load (pools filled, code
  // compiled, caches primed): growth past that is what a long day would keep adding.
  await mixedLoad(warmUpMinutes);
  const warm = stackRss();
  const load = await mixedLoad(loadMinutes);
  const after = stackRss();
  say(
    `\nMemory under a sustained mixed load (${load.minutes} min after a ${warmUpMinutes}-min warm-up under the same load, the whole stack, each process in its own process tree)`,
  );
  say(`  load: autocannon on the authenticated list and liveness at once, a 2-post plan submitted and approved`);
  say(`        every second with the DM approving the two oldest reviews, both portal pages rendering`);
  say(row(load.list));
  say(row(load.live));
  say(
    `  ${load.plans} plans approved, ${load.dmApprovals} DM approvals, ${load.renders} portal renders, ${load.failures} failed steps, ${load.notifications} notifications`,
  );
  say(
    `  activities of the load's plans by status: ${Object.entries(load.activities)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  const tree = (names: string[]) => `${[...new Set(names)].join(" + ")} ×${names.length}`;
  const pct = (now: number, before: number) => `(${((now / before - 1) * 100).toFixed(0)}%)`;
  say(
    `  ${"process (RSS MiB, tree summed)".padEnd(30)} ${"idle".padStart(7)} ${"warm".padStart(7)} ${"after".padStart(7)} ${"growth since warm".padStart(17)}   ${"PSS warm".padStart(8)} ${"after".padStart(7)}   processes idle → warm → after`,
  );
  for (const [name, before] of idle) {
    const w = warm.get(name) ?? { mib: 0, pssMib: 0, processes: [] };
    const now = after.get(name) ?? { mib: 0, pssMib: 0, processes: [] };
    const growth = `${now.mib >= w.mib ? "+" : ""}${(now.mib - w.mib).toFixed(1)} ${pct(now.mib, w.mib)}`;
    say(
      `  ${name.padEnd(30)} ${before.mib.toFixed(1).padStart(7)} ${w.mib.toFixed(1).padStart(7)} ${now.mib.toFixed(1).padStart(7)} ${growth.padStart(17)}   ${w.pssMib.toFixed(1).padStart(8)} ${now.pssMib.toFixed(1).padStart(7)}   ${tree(before.processes)} → ${w.processes.length} → ${now.processes.length}`,
    );
  }
  // The API and the worker servers, portals counted apart (the target: under 1.2 GiB idle).
  const servers = [...idle].filter(([name]) => name === "API" || name.endsWith("server"));
  say(
    `  API + worker servers idle: ${servers.reduce((n, [, v]) => n + v.mib, 0).toFixed(1)} MiB RSS (${servers.map(([n]) => n).join(", ")}; target < 1228.8)`,
  );
} finally {
  await teardown();
}
say(`\nload average (1 / 5 / 15 min) at the end: ${loadAverage()}`);

await mkdir(path.join(ROOT, "docs"), { recursive: true });
await writeFile(
  path.join(ROOT, "docs", "benchmarks.md"),
  [
    "# Benchmarks",
    "",
    `Written by \`pnpm bench\` on ${new Date().toISOString()}. Every figure below comes from that one run; each ratio`,
    "compares a measurement with its baseline measured in the same run on the same machine. Re-run to refresh.",
    "",
    "```",
    ...report,
    "```",
    "",
    await readFile(path.join(ROOT, "scripts", "bench", "how-to-profile.md"), "utf8"),
  ].join("\n"),
);
console.log("\nwrote docs/benchmarks.md");
