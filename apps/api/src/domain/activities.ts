import { channelKindLabel, channelServes, checkPostLimits, isChannelKind, publishTargetOf } from "@leadmetrics/catalog";
import type { Activity, ActivityStatus, DeliverableType, TenantDb, TenantTx } from "@leadmetrics/db";
import { findPublishingChannel, likeLiteral, tenantSqlStatement, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";
import { applyTransition, type TransitionDeps, type TransitionResult } from "@leadmetrics/pipeline";
import { z } from "zod";

export interface ActivityFilter {
  /** One status or several (a board column holds more than one). */
  status?: ActivityStatus[];
  type?: DeliverableType;
  planId?: string;
  channel?: string;
  /** Text a person typed: matched literally, case-insensitively, in the title or the topic. */
  q?: string;
}

/** `recent`: most recently changed first; `due`: soonest due first, undated last. */
export type ActivitySort = "recent" | "due";

/** What a card of the board shows besides the activity itself. */
export type ActivityCardExtras = {
  planName: string;
  /** When it went live, once published. */
  publishedAt: Date | null;
  /** The agent run writing it now (activities in drafting only). */
  activeRun: { id: string; role: string; startedAt: Date } | null;
};

export type ListedActivity = Omit<Activity, "periodId" | "slot" | "currentVersionId"> & ActivityCardExtras;

export interface ActivityPage {
  rows: ListedActivity[];
  total: number;
  /** Activities by status under every filter but the status one: the board's columns and tabs. */
  countsByStatus: Record<string, number>;
}

// The page's plan names, publish dates and running runs in one statement, whatever the page size
// (Prisma would send one per relation).
const cardExtras = tenantSqlStatement<
  {
    id: string;
    planName: string;
    publishedAt: Date | null;
    runId: string | null;
    runRole: string | null;
    runStartedAt: Date | null;
  },
  [string[]]
>(
  `SELECT a.id, p.name AS "planName", COALESCE(b."publishedAt", s."publishedAt") AS "publishedAt",
          r.id AS "runId", r.role AS "runRole", r."startedAt" AS "runStartedAt"
   FROM "Activity" a
   JOIN "DeliverablePlan" p ON p."tenantId" = a."tenantId" AND p.id = a."planId"
   LEFT JOIN "BlogPost" b ON b."tenantId" = a."tenantId" AND b."activityId" = a.id
   LEFT JOIN "SocialPost" s ON s."tenantId" = a."tenantId" AND s."activityId" = a.id
   LEFT JOIN LATERAL (
     SELECT run.id, run.role, run."startedAt" FROM "AgentRun" run
     WHERE run."tenantId" = a."tenantId" AND run."activityId" = a.id AND run.status = 'running'
     ORDER BY run."startedAt" DESC LIMIT 1
   ) r ON a.status IN ('planned', 'drafting')
   WHERE a."tenantId" = $1 AND a.id = ANY($2::uuid[])`,
);

/** One page of the workspace's activities, filtered, with what each card shows. */
export async function listActivities(
  tdb: TenantDb,
  filter: ActivityFilter,
  page: { skip: number; take: number },
  sort: ActivitySort = "recent",
): Promise<ActivityPage> {
  const { status, type, planId, channel, q } = filter;
  const text = q?.trim() ? likeLiteral(q.trim()) : undefined;
  const others = {
    ...(type ? { type } : {}),
    ...(planId ? { planId } : {}),
    ...(channel ? { channel } : {}),
    ...(text
      ? {
          OR: [
            { title: { contains: text, mode: "insensitive" as const } },
            { topic: { contains: text, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const where = { ...others, ...(status?.length ? { status: status.length === 1 ? status[0] : { in: status } } : {}) };
  const [rows, total, counts] = await Promise.all([
    tdb.activity.findMany({
      where,
      omit: { periodId: true, slot: true, currentVersionId: true },
      orderBy:
        sort === "due"
          ? [{ dueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }]
          : [{ updatedAt: "desc" }, { id: "desc" }],
      ...page,
    }),
    tdb.activity.count({ where }),
    tdb.activity.groupBy({ by: ["status"], where: others, _count: { _all: true } }),
  ]);
  const extras = rows.length
    ? await tdb.$sql.rows(
        cardExtras,
        rows.map((r) => r.id),
      )
    : [];
  const byId = new Map(extras.map((e) => [e.id, e]));
  return {
    rows: rows.map((r) => {
      const e = byId.get(r.id);
      return {
        ...r,
        planName: e?.planName ?? "",
        publishedAt: e?.publishedAt ?? null,
        activeRun:
          e?.runId && e.runRole && e.runStartedAt ? { id: e.runId, role: e.runRole, startedAt: e.runStartedAt } : null,
      };
    }),
    total,
    countsByStatus: Object.fromEntries(counts.map((c) => [c.status, c._count._all])),
  };
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
    ...(decision.action === "client_reject"
      ? {}
      : {
          within: (tx, current) => assertWithinNetworkLimits(tx, current),
        }),
  });
}

/**
 * A social post goes to its network only within that network's limits (length, hashtags,
 * images): approving (or retrying) one that breaks them answers 422 with each limit in words,
 * so it is fixed now, not discovered by a failed publish.
 */
export async function assertWithinNetworkLimits(
  tx: TenantTx,
  activity: Pick<Activity, "id" | "type" | "channel" | "channelId">,
): Promise<void> {
  if (publishTargetOf(activity.type) !== "social") return;
  const [post, channel] = await Promise.all([
    tx.socialPost.findFirst({ where: { activityId: activity.id }, select: { text: true, mediaIds: true } }),
    findPublishingChannel(tx, { target: "social", channelId: activity.channelId, channel: activity.channel }),
  ]);
  if (!post || !channel || !isChannelKind(channel.kind)) return;
  const problems = checkPostLimits(channel.kind, { text: post.text, imageCount: post.mediaIds.length });
  if (problems.length)
    throw new AppError(
      422,
      "VALIDATION_ERROR",
      `This post cannot go to ${channelKindLabel(channel.kind)} as it is: ${problems.map((p) => p.message).join(" ")}`,
      { problems },
    );
}

export const publishingChoiceInput = z.strictObject({
  channelId: z
    .uuid()
    .nullable()
    .optional()
    .describe("The connected site or account to publish to; null: the first of its kind"),
  mediaIds: z
    .array(z.uuid())
    .max(10)
    .optional()
    .describe("A social post's images from the media library, in order (the network's limit applies at approval)"),
});
export type PublishingChoice = z.infer<typeof publishingChoiceInput>;

/** Once the client approved it, where and with what it is published is settled. */
const SETTLED: readonly ActivityStatus[] = ["client_approved", "publishing", "published"];

/**
 * Where an activity is published and, for a social post, its images: changeable until the client
 * approves it. The channel must be the workspace's and able to publish the type; the images the
 * workspace's own. 404 for another workspace's activity, channel or image.
 */
export async function setPublishingChoice(
  tdb: TenantDb,
  actor: { userId: string; requestId?: string },
  activityId: string,
  input: PublishingChoice,
): Promise<void> {
  await tdb.$transaction(async (tx) => {
    const activity = await tx.activity.findFirst({ where: { id: activityId } });
    if (!activity) throw notFound("Activity");
    if (SETTLED.includes(activity.status))
      throw new AppError(409, "INVALID_STATE", "The client approved it already: where it is published is settled.");
    const target = publishTargetOf(activity.type);
    const data: { channelId?: string | null; channel?: string } = {};
    if (input.channelId !== undefined) {
      data.channelId = input.channelId;
      if (input.channelId) {
        const channel = await tx.connectedChannel.findFirst({ where: { id: input.channelId }, select: { kind: true } });
        if (!channel) throw notFound("Channel");
        if (!channelServes(target, channel.kind))
          throw new AppError(400, "VALIDATION_ERROR", "That channel cannot publish this kind of work.", {
            fields: [{ path: "body.channelId", message: "cannot publish this type" }],
          });
        data.channel = channel.kind;
      }
    }
    if (input.mediaIds) {
      if (activity.type !== "social_post")
        throw new AppError(400, "VALIDATION_ERROR", "Only social posts carry images chosen here.", {
          fields: [{ path: "body.mediaIds", message: "only for social posts" }],
        });
      const ids = [...new Set(input.mediaIds)];
      const found = await tx.mediaAsset.count({ where: { id: { in: ids } } });
      if (found !== ids.length) throw notFound("Image");
      const { count } = await tx.socialPost.updateMany({ where: { activityId }, data: { mediaIds: ids } });
      if (count !== 1)
        throw new AppError(409, "INVALID_STATE", "The post has no draft yet: choose its images once it is written.");
    }
    if (Object.keys(data).length) await tx.activity.updateMany({ where: { id: activityId }, data });
    await writeAudit(tx, {
      actorId: actor.userId,
      action: "activity.publishing_changed",
      targetType: "Activity",
      targetId: activityId,
      requestId: actor.requestId,
      metadata: { channelId: input.channelId ?? null, images: input.mediaIds?.length ?? null },
    });
  });
}
