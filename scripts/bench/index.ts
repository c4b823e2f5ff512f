import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { benchApi, type HttpFigure } from "./api";
import { benchNotificationLatency } from "./notifications";
import { benchPortals } from "./portals";
import { benchQueue } from "./queue";
import { ROOT, startBenchStack } from "./stack";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const row = (f: HttpFigure) =>
  `  ${f.name.padEnd(42)} ${String(f.requestsPerSecond).padStart(7)} req/s   p50 ${String(f.p50Ms).padStart(4)} ms   p99 ${String(f.p99Ms).padStart(4)} ms   non-2xx ${f.non2xx}`;

// Everything printed is also the report: docs/benchmarks.md holds this run's figures, never typed-in ones.
const report: string[] = [];
const say = (line: string) => {
  console.log(line);
  report.push(line);
};

say(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const stack = await startBenchStack();
try {
  const api = await benchApi(stack, seconds);
  say(`\nAPI (autocannon, 20 connections, ${seconds} s each, API in its own process)`);
  say(row(api.live));
  say(row(api.members));
  say(`  ratio authenticated list / liveness: ${api.ratio.toFixed(3)}`);

  const q = await benchQueue(stack, Number(process.env.BENCH_PIPELINE_JOBS ?? 300));
  say(`\nQueues (same Redis, concurrency 2)`);
  say(`  raw BullMQ no-op jobs          ${q.raw.jobsPerSecond.toFixed(0).padStart(7)} jobs/s   (${q.raw.jobs} jobs in ${q.raw.seconds.toFixed(2)} s)`);
  say(`  pipeline blog-writer jobs      ${q.pipeline.jobsPerSecond.toFixed(1).padStart(7)} jobs/s   (${q.pipeline.jobs} jobs in ${q.pipeline.seconds.toFixed(2)} s; offline adapter, DB transaction, follow-up enqueue)`);
  say(`  ratio pipeline / raw: ${q.ratio.toFixed(4)}`);

  const n = await benchNotificationLatency(stack, Number(process.env.BENCH_TRANSITIONS ?? 200));
  say(`\nNotification latency, transition commit → arrival (${n.transitions} DM approvals, one at a time)`);
  say(`  in-app over Socket.IO    p50 ${n.inApp.p50} ms   p95 ${n.inApp.p95} ms   max ${n.inApp.max} ms`);
  say(`  email at the SMTP server p50 ${n.email.p50} ms   p95 ${n.email.p95} ms   max ${n.email.max} ms`);
} finally {
  await stack.stop();
}

const portals = await benchPortals(Number(process.env.BENCH_RENDERS ?? 40));
say(`\nPortals (production builds, 1,000 activities seeded, ${portals.runs} sequential renders each)`);
say(`  Dashboard /activities   p50 ${portals.dashboard.p50} ms   p95 ${portals.dashboard.p95} ms`);
say(`  DM /review              p50 ${portals.dm.p50} ms   p95 ${portals.dm.p95} ms`);
say(`  first-load JS (login page, as served): ${Object.entries(portals.js).map(([k, v]) => `${k} ${v} KiB`).join(", ")}`);

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
  ].join("\n"),
);
console.log("\nwrote docs/benchmarks.md");
