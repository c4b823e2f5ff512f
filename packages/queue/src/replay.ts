import { randomUUID } from "node:crypto";
import { type Db, type FailedJob, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { type OutboxRelay, stageJobs } from "./outbox";
import { type QueueClient, REPLAY_JOB_PREFIX } from "./producer";
import { isQueueName, QUEUES } from "./registry";

export interface ReplayDeps {
  db: Db;
  outbox: Pick<OutboxRelay, "flush">;
}

/** Who asks for the replay (a super-admin, or the platform on their behalf), for the audit row. */
export interface ReplayActor {
  actorId: string;
  requestId?: string;
}

/**
 * Runs a job that failed for good again, under a new `replay-…` id, once, with an audit row
 * (after its cause is fixed: credits granted, channel connected, …). Refuses (409) a job already
 * replayed, one of an unknown queue, and one whose payload the queue would refuse again. Returns
 * the new job id.
 */
export async function replayFailedJob(deps: ReplayDeps, row: FailedJob, by: ReplayActor): Promise<string> {
  if (row.replayedAt)
    throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed", { replayJobId: row.replayJobId });
  if (!isQueueName(row.queue)) throw new AppError(409, "NOT_REPLAYABLE", `Unknown queue ${row.queue}`);
  const parsed = QUEUES[row.queue].schema.safeParse(row.payload);
  if (!parsed.success)
    throw new AppError(409, "NOT_REPLAYABLE", "The payload is invalid and would fail again", parsed.error.issues);
  const queue = row.queue;
  const jobId = `${REPLAY_JOB_PREFIX}${randomUUID()}`;
  // The claim, the audit row and the job commit together (outbox): two operators clicking at
  // once (or a click and a grant) replay it once, and a Redis outage delays it, never loses it.
  const staged = await deps.db.$transaction(async (tx) => {
    const claimed = await tx.failedJob.updateMany({
      where: { id: row.id, replayedAt: null },
      data: { replayedAt: new Date(), replayedById: by.actorId, replayJobId: jobId },
    });
    if (claimed.count !== 1) throw new AppError(409, "ALREADY_REPLAYED", "This job was already replayed");
    await writeAudit(tx, {
      tenantId: row.tenantId,
      actorId: by.actorId,
      action: "failed_job.replayed",
      targetType: "FailedJob",
      targetId: row.id,
      requestId: by.requestId ?? null,
      metadata: { queue, jobId },
    });
    return stageJobs(tx, [{ queue, payload: parsed.data, jobId }]);
  });
  await deps.outbox.flush(staged).catch(() => undefined); // the relay retries what could not be added now
  return jobId;
}

/** Replays one failed job by id (404 when there is none) and returns its row as it is now. */
export async function replayFailedJobById(deps: ReplayDeps, id: string, by: ReplayActor): Promise<FailedJob> {
  const row = await deps.db.failedJob.findUnique({ where: { id } });
  if (!row) throw notFound("Failed job");
  await replayFailedJob(deps, row, by);
  return deps.db.failedJob.findUniqueOrThrow({ where: { id } });
}

/**
 * Replays each row in order, as far as each can be: one that is refused (already replayed, not
 * replayable) is skipped and stays listed. Returns how many were replayed.
 */
export async function replayEach(deps: ReplayDeps, rows: FailedJob[], by: ReplayActor): Promise<number> {
  let replayed = 0;
  for (const row of rows)
    if (
      await replayFailedJob(deps, row, by).then(
        () => true,
        () => false,
      )
    )
      replayed++;
  return replayed;
}

/** The replay's BullMQ state (completed, failed, active, waiting, …), or null when it was not replayed. */
export async function replayStateOf(queues: Pick<QueueClient, "queue">, row: FailedJob): Promise<string | null> {
  if (!row.replayJobId || !isQueueName(row.queue)) return null;
  return queues
    .queue(row.queue)
    .getJobState(row.replayJobId)
    .catch(() => "unknown");
}
