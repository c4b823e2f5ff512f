/**
 * pnpm bench:api — only the API part of `pnpm bench` (the members list against bare Fastify +
 * pg running the same SQL), for quick rounds while profiling. Writes nothing.
 */
import { benchApi } from "./api";
import { benchBareFastify } from "./bare-fastify";
import { startBenchStack } from "./stack";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const stack = await startBenchStack();
try {
  const bare = await benchBareFastify(stack, seconds);
  const api = await benchApi(stack, seconds);
  for (const f of [bare.live, bare.members, api.live, api.members]) {
    console.log(
      `${f.name.padEnd(44)} ${f.requestsPerSecond} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  non-2xx ${f.non2xx}`,
    );
  }
  console.log(
    `ratio authenticated list / bare SQL: ${(api.members.requestsPerSecond / bare.members.requestsPerSecond).toFixed(3)}`,
  );
} finally {
  await stack.stop();
}
