/**
 * pnpm bench:heap — does the agents server keep what its jobs allocate? Rounds of 200 writer jobs
 * through the real pipeline in this process; after each round a full GC, then the heap in use.
 * A heap in use that climbs round after round is a leak; a flat one with a growing RSS is the
 * heap's headroom and the allocator, not retained objects. Run with node --expose-gc (the script
 * does). Writes nothing.
 */
import { createDb } from "@leadmetrics/db";
import { startBenchAgents } from "./queue";
import { seedBenchPlan, startBenchStack } from "./stack";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (pnpm bench:heap does)");
const rounds = Number(process.env.BENCH_HEAP_ROUNDS ?? 8);
const stack = await startBenchStack();
const db = createDb({ url: stack.databaseUrl, poolMax: 6 });
const agents = await startBenchAgents(stack, db, "bench-heap");
try {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: "acme-digital" } });
  await db.creditBalance.update({ where: { tenantId: tenant.id }, data: { available: 100_000_000 } });
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(6);
  for (let round = 1; round <= rounds; round++) {
    const { plan } = await seedBenchPlan(db, {
      name: `heap ${round}`,
      count: 200,
      topic: "Heap",
      statusOf: () => "drafting",
    });
    const activities = await db.activity.findMany({ where: { planId: plan.id }, select: { id: true } });
    await Promise.all(
      activities.map((a) =>
        agents.producer.enqueueDraft("blog-writer", {
          tenantId: tenant.id,
          activityId: a.id,
          revision: 1,
          wakeReason: "new_task",
        }),
      ),
    );
    while ((await db.activity.count({ where: { planId: plan.id, status: "drafting" } })) > 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    gc();
    gc();
    const m = process.memoryUsage();
    console.log(
      `after ${String(round * 200).padStart(5)} jobs: heap in use ${mib(m.heapUsed)} MiB, heap ${mib(m.heapTotal)} MiB, external ${mib(m.external)} MiB, RSS ${mib(m.rss)} MiB`,
    );
  }
} finally {
  await agents.close();
  await db.$disconnect();
  await stack.stop();
}
