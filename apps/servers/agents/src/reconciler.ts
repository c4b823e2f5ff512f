import { writerOf } from "@leadmetrics/catalog";
import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { agentQueue, type QueueClient } from "@leadmetrics/queue";

/**
 * Nothing waits forever: an activity in `drafting` or `client_approved` that has not moved for
 * `stuckAfterMs` and has no live job (the enqueue after its commit was lost) is enqueued again,
 * under the dedupe key its queue's definition gives it, so a job that does exist is never doubled.
 */
export async function reconcileStuckWork(
  deps: { db: Db; queues: QueueClient; log: Logger },
  stuckAfterMs: number,
): Promise<number> {
  const cutoff = new Date(Date.now() - stuckAfterMs);
  const stuck = await deps.db.activity.findMany({
    where: { status: { in: ["drafting", "client_approved"] }, updatedAt: { lt: cutoff } },
    select: {
      id: true,
      tenantId: true,
      type: true,
      status: true,
      revision: true,
      version: true,
      dmRejectionCount: true,
      clientRejectionCount: true,
    },
    orderBy: { updatedAt: "asc" },
    take: 500,
  });
  let enqueued = 0;
  for (const a of stuck) {
    const ids = { tenantId: a.tenantId, activityId: a.id, requestId: `reconcile-${a.id}` };
    if (a.status === "drafting") {
      const wakeReason = a.dmRejectionCount + a.clientRejectionCount > 0 ? "rejection" : "new_task";
      const draft = { ...ids, revision: a.revision, wakeReason } as const;
      const queue = agentQueue(writerOf(a.type));
      if (await deps.queues.hasLiveJob(queue, draft)) continue;
      await deps.queues.enqueue(queue, draft);
    } else {
      const publish = { ...ids, attempt: a.version };
      if (await deps.queues.hasLiveJob("agent__publisher", publish)) continue;
      await deps.queues.enqueuePublisher(publish);
    }
    enqueued++;
  }
  if (enqueued) deps.log.warn({ enqueued }, "re-enqueued stuck activities");
  return enqueued;
}
