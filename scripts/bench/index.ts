import os from "node:os";
import { benchApi, type HttpFigure } from "./api";
import { benchNotificationLatency } from "./notifications";
import { benchPortals } from "./portals";
import { benchQueue } from "./queue";
import { startBenchStack } from "./stack";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const row = (f: HttpFigure) =>
  `  ${f.name.padEnd(42)} ${String(f.requestsPerSecond).padStart(7)} req/s   p50 ${String(f.p50Ms).padStart(4)} ms   p99 ${String(f.p99Ms).padStart(4)} ms   non-2xx ${f.non2xx}`;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
const stack = await startBenchStack();
try {
  const api = await benchApi(stack, seconds);
  console.log(`\nAPI (autocannon, 20 connections, ${seconds} s each, API in its own process)`);
  console.log(row(api.live));
  console.log(row(api.members));
  console.log(`  ratio authenticated list / liveness: ${api.ratio.toFixed(3)}`);

  const q = await benchQueue(stack, Number(process.env.BENCH_PIPELINE_JOBS ?? 300));
  console.log(`\nQueues (same Redis, concurrency 2)`);
  console.log(`  raw BullMQ no-op jobs          ${q.raw.jobsPerSecond.toFixed(0).padStart(7)} jobs/s   (${q.raw.jobs} jobs in ${q.raw.seconds.toFixed(2)} s)`);
  console.log(`  pipeline blog-writer jobs      ${q.pipeline.jobsPerSecond.toFixed(1).padStart(7)} jobs/s   (${q.pipeline.jobs} jobs in ${q.pipeline.seconds.toFixed(2)} s; offline adapter, DB transaction, follow-up enqueue)`);
  console.log(`  ratio pipeline / raw: ${q.ratio.toFixed(4)}`);

  const n = await benchNotificationLatency(stack, Number(process.env.BENCH_TRANSITIONS ?? 200));
  console.log(`\nNotification latency, transition commit → arrival (${n.transitions} DM approvals, one at a time)`);
  console.log(`  in-app over Socket.IO    p50 ${n.inApp.p50} ms   p95 ${n.inApp.p95} ms   max ${n.inApp.max} ms`);
  console.log(`  email at the SMTP server p50 ${n.email.p50} ms   p95 ${n.email.p95} ms   max ${n.email.max} ms`);
} finally {
  await stack.stop();
}

const portals = await benchPortals(Number(process.env.BENCH_RENDERS ?? 40));
console.log(`\nPortals (production builds, 1,000 activities seeded, ${portals.runs} sequential renders each)`);
console.log(`  Dashboard /activities   p50 ${portals.dashboard.p50} ms   p95 ${portals.dashboard.p95} ms`);
console.log(`  DM /review              p50 ${portals.dm.p50} ms   p95 ${portals.dm.p95} ms`);
console.log(`  first-load JS (login page, as served): ${Object.entries(portals.js).map(([k, v]) => `${k} ${v} KiB`).join(", ")}`);
