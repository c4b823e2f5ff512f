import type { Db } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { WRITER_ROLE } from "@leadmetrics/pipeline";
import type { QueueClient } from "@leadmetrics/queue";

/**
 * Nothing waits forever: an activity in `drafting` or `client_approved` that has not moved for
 * `stuckAfterMs` and has no live job (the enqueue after its commit was lost) is enqueued again,
 * under the same dedupe key, so a job that does exist is never doubled.
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
      const role = WRITER_ROLE[a.type];
      if (await deps.queues.hasLiveJob(`agent__${role}`, `draft-${a.id}-r${a.revision}`)) continue;
      const wakeReason = a.dmRejectionCount + a.clientRejectionCount > 0 ? "rejection" : "new_task";
      await deps.queues.enqueueDraft(role, { ...ids, revision: a.revision, wakeReason });
    } else {
      if (await deps.queues.hasLiveJob("agent__publisher", `publish-${a.id}-a${a.version}`)) continue;
      await deps.queues.enqueuePublisher({ ...ids, attempt: a.version });
    }
    enqueued++;
  }
  if (enqueued) deps.log.warn({ enqueued }, "re-enqueued stuck activities");
  return enqueued;
}
