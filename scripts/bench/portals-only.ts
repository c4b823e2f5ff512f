/**
 * pnpm bench:portals — only the portal part of `pnpm bench`: server-render times of the Dashboard's
 * activities page and the DM queue on the full stack (production builds), with 1,000 activities
 * and then on the scale fixture. Writes nothing.
 */
import { benchPortals, benchPortalsAtScale, startFullStack } from "./portals";

const runs = Number(process.env.BENCH_RENDERS ?? 40);
const teardown = await startFullStack();
try {
  const small = await benchPortals(runs);
  console.log(`1,000 activities   Dashboard /activities p50 ${small.dashboard.p50} ms p95 ${small.dashboard.p95} ms`);
  console.log(`                   DM /review            p50 ${small.dm.p50} ms p95 ${small.dm.p95} ms`);
  const scale = await benchPortalsAtScale(runs);
  console.log(`at scale           Dashboard /activities p50 ${scale.dashboard.p50} ms p95 ${scale.dashboard.p95} ms`);
  console.log(`                   DM /review            p50 ${scale.dm.p50} ms p95 ${scale.dm.p95} ms`);
} finally {
  await teardown();
}
