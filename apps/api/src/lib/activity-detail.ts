import { publishTargetOf } from "@leadmetrics/catalog";
import { channelHealth, findPublishingChannel, type TenantDb } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import type { z } from "zod";
import { type publishToSchema, toActivitySummary, toEvent, toVersion } from "./activity-schemas";

/** One activity with its plan name, where it will be published, every version (newest first) and its history. */
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
    publishTo: await publishToOf(tdb, activity.type),
    versions: versions.map(({ tenantId: _t, activityId: _a, ...v }) => toVersion(v)),
    events: events.map(({ tenantId: _t, activityId: _a, requestId: _r, ...e }) => toEvent(e)),
  };
}

/** The channel the publisher would use now (the same rule: findPublishingChannel), for the approve warning. */
async function publishToOf(
  tdb: TenantDb,
  type: Parameters<typeof publishTargetOf>[0],
): Promise<z.infer<typeof publishToSchema>> {
  const target = publishTargetOf(type);
  if (target !== "wordpress") return { target, channel: null };
  const c = await findPublishingChannel(tdb, target);
  return {
    target,
    channel: c && {
      id: c.id,
      name: c.name,
      siteUrl: c.siteUrl,
      health: channelHealth(c),
      lastError: c.lastError,
      lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
    },
  };
}
