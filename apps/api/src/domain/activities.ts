import type { Activity, ActivityStatus, DeliverableType, TenantDb } from "@leadmetrics/db";
import { applyTransition, type TransitionDeps, type TransitionResult } from "@leadmetrics/pipeline";

export interface ActivityFilter {
  status?: ActivityStatus;
  type?: DeliverableType;
  planId?: string;
}

export type ListedActivity = Omit<Activity, "periodId" | "slot" | "currentVersionId">;

export interface ActivityPage {
  rows: ListedActivity[];
  total: number;
  /** Activities by status under the type and plan filters (not the status filter): the page's tabs. */
  countsByStatus: Record<string, number>;
}

/** One page of the workspace's activities, most recently changed first. */
export async function listActivities(
  tdb: TenantDb,
  filter: ActivityFilter,
  page: { skip: number; take: number },
): Promise<ActivityPage> {
  const { status, type, planId } = filter;
  const where = { ...(status ? { status } : {}), ...(type ? { type } : {}), ...(planId ? { planId } : {}) };
  const [rows, total, counts] = await Promise.all([
    tdb.activity.findMany({
      where,
      omit: { periodId: true, slot: true, currentVersionId: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      ...page,
    }),
    tdb.activity.count({ where }),
    tdb.activity.groupBy({
      by: ["status"],
      where: { ...(type ? { type } : {}), ...(planId ? { planId } : {}) },
      _count: { _all: true },
    }),
  ]);
  return { rows, total, countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) };
}

/** What a client's owner or admin decides about an activity; `expectedVersion` is the version they saw. */
export type ClientDecision =
  | { action: "client_approve"; expectedVersion?: number }
  | { action: "client_reject"; feedback: string; expectedVersion?: number }
  | { action: "retry_publish"; expectedVersion?: number };

/**
 * A client's decision, applied as the pipeline's transition of the activity, with its history
 * event, audit row and follow-ups (publishing, the next draft, the reviewers' notification…).
 */
export function decideAsClient(
  deps: TransitionDeps,
  actor: { userId: string; requestId?: string },
  activityId: string,
  decision: ClientDecision,
): Promise<TransitionResult> {
  return applyTransition(deps, {
    activityId,
    action: decision.action,
    actor: { type: "user", id: actor.userId },
    feedback: "feedback" in decision ? decision.feedback : undefined,
    expectedVersion: decision.expectedVersion,
    requestId: actor.requestId,
  });
}
