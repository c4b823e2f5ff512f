/**
 * pnpm bench:queue — only the queue part of `pnpm bench` (pipeline writer jobs against raw BullMQ
 * jobs replaying the same SQL), for quick rounds while profiling. Writes nothing. BENCH_STATEMENTS=1
 * also prints one job's statements.
 */
import { benchQueue } from "./queue";
import { startBenchStack } from "./stack";

const stack = await startBenchStack();
try {
  const q = await benchQueue(stack, Number(process.env.BENCH_PIPELINE_JOBS ?? 300));
  console.log(`raw BullMQ no-op jobs        ${q.raw.jobsPerSecond.toFixed(0)} jobs/s`);
  console.log(
    `raw BullMQ + the same SQL    ${q.rawSql.jobsPerSecond.toFixed(1)} jobs/s (${q.statementsPerJob} statements a job)`,
  );
  console.log(`pipeline blog-writer jobs    ${q.pipeline.jobsPerSecond.toFixed(1)} jobs/s`);
  console.log(`ratio pipeline / raw + same SQL: ${q.ratio.toFixed(3)}`);
  // BENCH_STATEMENTS=1: the statements of one job, in order (what to cut first).
  if (process.env.BENCH_STATEMENTS) for (const sql of q.statements) console.log(sql.replace(/\s+/g, " ").slice(0, 160));
} finally {
  await stack.stop();
}
