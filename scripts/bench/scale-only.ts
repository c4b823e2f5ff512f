/** pnpm bench:scale — only the at-scale part of `pnpm bench` (lists on the scale fixture). Writes nothing. */
import { benchScale } from "./scale";
import { startBenchStack } from "./stack";

const stack = await startBenchStack();
try {
  const s = await benchScale(stack, Number(process.env.BENCH_SCALE_SAMPLES ?? 60));
  console.log(
    `seeded ${s.seeded.tenants} tenants, ${s.seeded.activities} activities in ${(s.seeded.ms / 1000).toFixed(0)} s`,
  );
  for (const r of s.results) {
    console.log(
      `${r.name.padEnd(36)} p50 ${r.p50Ms.toFixed(1).padStart(6)} ms   p95 ${r.p95Ms.toFixed(1).padStart(6)} ms   ${r.bytes} bytes`,
    );
  }
} finally {
  await stack.stop();
}
