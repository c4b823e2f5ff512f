import type { TenantDb } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import { toActivitySummary, toEvent, toVersion } from "./activity-schemas";

/** One activity with its plan name, every version (newest first) and its history. */
export async function loadActivityDetail(tdb: TenantDb, id: string) {
  const activity = await tdb.activity.findFirst({
    where: { id },
    include: {
      plan: { select: { name: true } },
      versions: { orderBy: { number: "desc" } },
      events: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!activity) throw notFound("Activity");
  const { plan, versions, events, periodId: _p, slot: _s, ...rest } = activity;
  return {
    ...toActivitySummary(rest),
    planName: plan.name,
    versions: versions.map(({ tenantId: _t, activityId: _a, ...v }) => toVersion(v)),
    events: events.map(({ tenantId: _t, activityId: _a, requestId: _r, ...e }) => toEvent(e)),
  };
}
