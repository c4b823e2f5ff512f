import os from "node:os";
import { benchApi, type HttpFigure } from "./api";
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
} finally {
  await stack.stop();
}
