import type { Db } from "@leadmetrics/db";
import type { QueueClient } from "@leadmetrics/queue";

/** The jobs of a queue that concern one activity (its own jobs, and notifications about it). */
export const jobsFor = async (queues: QueueClient, queue: Parameters<QueueClient["queue"]>[0], activityId: string) =>
  (await queues.queue(queue).getJobs(["waiting", "delayed", "active", "completed"])).filter(
    (j) => j.data.activityId === activityId || j.data.data?.activityId === activityId,
  );

/** Everything a refused decision about an activity must leave as it was. */
export const activityState = async (db: Db, activityId: string) => ({
  activity: await db.activity.findUniqueOrThrow({ where: { id: activityId } }),
  versions: await db.contentVersion.count({ where: { activityId } }),
  events: await db.activityEvent.count({ where: { activityId } }),
  audit: await db.auditLog.count({ where: { targetId: activityId } }),
  outbox: await db.outboxJob.count(),
});
