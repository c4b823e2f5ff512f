/**
 * pnpm bench:api — only the API part of `pnpm bench` (the members list against bare Fastify +
 * pg running the same SQL, in alternating rounds), for quick rounds while profiling. Writes nothing.
 */
import { benchApiAgainstFloor } from "./api";
import { startBenchStack } from "./stack";

const stack = await startBenchStack();
try {
  const api = await benchApiAgainstFloor(
    stack,
    Number(process.env.BENCH_SECONDS ?? 5),
    Number(process.env.BENCH_ROUNDS ?? 3),
  );
  for (const f of [api.bareLive, api.bareList, api.apiLive, api.list]) {
    console.log(
      `${f.name.padEnd(44)} ${f.requestsPerSecond} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  non-2xx ${f.non2xx}`,
    );
  }
  console.log(
    `ratio authenticated list / bare SQL: ${api.ratio.list.toFixed(3)} (rounds: ${api.listRatios.map((r) => r.toFixed(3)).join(", ")})`,
  );
} finally {
  await stack.stop();
}
