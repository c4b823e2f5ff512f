import { type ChannelKind, publishTargetOf } from "@leadmetrics/catalog";
import { channelHealth, findPublishingChannel, type TenantDb, tenantSqlStatement } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import type { ActivityAction } from "@leadmetrics/pipeline";
import type { z } from "zod";
import { type EventActorRole, type publishToSchema, toActivitySummary, toEvent, toVersion } from "./activity-schemas";

/**
 * The people who acted on one activity, with their role for it: their role in the workspace, or
 * "reviewer" for platform staff. One statement for the whole history (no query per event). The
 * CASE keeps the uuid cast off agent and system ids ("blog-writer").
 */
const eventPeople = tenantSqlStatement<
  { id: string; name: string; tenantRole: string | null; staff: boolean },
  [activityId: string]
>(
  `SELECT DISTINCT u.id::text AS id, u.name, m.role::text AS "tenantRole",
          (u."platformRole" IN ('super_admin', 'dm_reviewer')) AS staff
   FROM "ActivityEvent" e
   JOIN "User" u ON u.id = (CASE WHEN e."actorId" ~ '^[0-9a-fA-F-]{36}$' THEN e."actorId"::uuid END)
   LEFT JOIN "TenantMember" m ON m."tenantId" = e."tenantId" AND m."userId" = u.id
   WHERE e."tenantId" = $1 AND e."activityId" = $2::uuid AND e."actorType" = 'user'`,
);

const roleOf = (p: { tenantRole: string | null; staff: boolean }): EventActorRole | null =>
  p.tenantRole === "owner" || p.tenantRole === "admin" || p.tenantRole === "member"
    ? p.tenantRole
    : p.staff
      ? "reviewer"
      : null;

/** One activity with its plan name, where it will be published, every version (newest first) and its history, naming who acted. */
export async function loadActivityDetail(tdb: TenantDb, id: string) {
  const [activity, people] = await Promise.all([
    tdb.activity.findFirst({
      where: { id },
      include: {
        plan: { select: { name: true } },
        socialPost: { select: { mediaIds: true } },
        versions: { orderBy: { number: "desc" } },
        events: { orderBy: { createdAt: "asc" } },
      },
    }),
    tdb.$sql.rows(eventPeople, id),
  ]);
  if (!activity) throw notFound("Activity");
  const byId = new Map(people.map((p) => [p.id, p]));
  const { plan, versions, events, socialPost, periodId: _p, slot: _s, ...rest } = activity;
  return {
    ...toActivitySummary(rest),
    planName: plan.name,
    mediaIds: socialPost?.mediaIds ?? [],
    publishTo: await publishToOf(tdb, activity),
    versions: versions.map(({ tenantId: _t, activityId: _a, ...v }) => toVersion(v)),
    events: events.map(({ tenantId: _t, activityId: _a, requestId: _r, ...e }) => {
      const person = e.actorType === "user" && e.actorId ? byId.get(e.actorId) : undefined;
      return toEvent({
        ...e,
        // Only the pipeline's transition function writes events, with an action of its table.
        action: e.action as ActivityAction,
        actorName: person?.name ?? null,
        actorRole: person ? roleOf(person) : null,
        // A version and the event that made it are written in one transaction: the newest
        // version not younger than the event is the one it speaks of.
        versionNumber: versions.find((v) => v.createdAt <= e.createdAt)?.number ?? null,
      });
    }),
  };
}

/** The channel the publisher would use now (the same rule: findPublishingChannel), for the approve warning. */
async function publishToOf(
  tdb: TenantDb,
  activity: { type: Parameters<typeof publishTargetOf>[0]; channelId: string | null; channel: string | null },
): Promise<z.infer<typeof publishToSchema>> {
  const target = publishTargetOf(activity.type);
  if (target === "app") return { target, channel: null };
  const c = await findPublishingChannel(tdb, { target, channelId: activity.channelId, channel: activity.channel });
  return {
    target,
    channel: c && {
      id: c.id,
      kind: c.kind as ChannelKind,
      name: c.name,
      siteUrl: c.siteUrl,
      accountHandle: c.accountHandle,
      avatarUrl: c.avatarUrl,
      health: channelHealth(c),
      lastError: c.lastError,
      lastCheckedAt: c.lastCheckedAt?.toISOString() ?? null,
    },
  };
}
