import type { Db, FailedJob } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import { type QueueClient, replayStateOf } from "@leadmetrics/queue";

export interface FailedJobFilter {
  queue?: string;
  tenantId?: string;
  replayed?: boolean;
}

/** Jobs that failed for good, newest first. */
export async function listFailedJobs(
  db: Db,
  filter: FailedJobFilter,
  page: { skip: number; take: number },
): Promise<{ rows: FailedJob[]; total: number }> {
  const where = {
    ...(filter.queue ? { queue: filter.queue } : {}),
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.replayed !== undefined ? { replayedAt: filter.replayed ? { not: null } : null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.failedJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.failedJob.count({ where }),
  ]);
  return { rows, total };
}

/** One failed job and, when it was replayed, what became of the replay in BullMQ. */
export async function failedJobWithReplayState(
  deps: { db: Db; queues: Pick<QueueClient, "queue"> },
  id: string,
): Promise<{ row: FailedJob; replayState: string | null }> {
  const row = await deps.db.failedJob.findUnique({ where: { id } });
  if (!row) throw notFound("Failed job");
  return { row, replayState: await replayStateOf(deps.queues, row) };
}
