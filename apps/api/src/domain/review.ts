import { type Activity, type Db, type DeliverableType, forTenant, type TenantDb } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import {
  applyTransition,
  type TransitionDeps,
  type TransitionInput,
  type TransitionResult,
} from "@leadmetrics/pipeline";
import { loadActivityDetail } from "../lib/activity-detail";

/** The two queues reviewers work through: drafts to review, and activities the agents gave up on. */
export type ReviewQueueStatus = "dm_review" | "needs_attention";

export interface ReviewQueueFilter {
  tenantId?: string;
  type?: DeliverableType;
}

export type QueuedActivity = Omit<Activity, "periodId" | "slot" | "currentVersionId">;

export interface TenantQueueCounts {
  tenantId: string;
  tenantName: string;
  dm_review: number;
  needs_attention: number;
  /** Drafts that could not hold the client's credits: they resume when credits are granted. */
  waiting_for_credits: number;
}

/** The statuses the queues count per tenant. */
const COUNTED = ["dm_review", "needs_attention", "waiting_for_credits"] as const;
type CountedStatus = (typeof COUNTED)[number];

/**
 * A keyset page of a queue: the rows just after (or just before) this row in the queue's order
 * (`updatedAt`, `id`). Deep pages then cost what the first one costs; OFFSET would read and sort
 * every row before the page.
 */
export interface QueueCursor {
  direction: "after" | "before";
  updatedAt: Date;
  id: string;
}

/** Opaque to clients: base64url of the direction, the instant and the id. */
export const encodeQueueCursor = (c: QueueCursor): string =>
  Buffer.from(JSON.stringify([c.direction === "after" ? "a" : "b", c.updatedAt.toISOString(), c.id])).toString(
    "base64url",
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor a client sent back, or undefined when it is not one of ours. */
export function decodeQueueCursor(text: string): QueueCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [direction, at, id] = value as unknown[];
    const updatedAt = new Date(typeof at === "string" ? at : Number.NaN);
    if ((direction !== "a" && direction !== "b") || Number.isNaN(updatedAt.getTime())) return undefined;
    if (typeof id !== "string" || !UUID.test(id)) return undefined;
    return { direction: direction === "a" ? "after" : "before", updatedAt, id };
  } catch {
    return undefined;
  }
}

/** The cursor just after the row at `offset` in a queue's order (to start deep in a queue). */
export async function queueCursorAt(db: Db, status: ReviewQueueStatus, offset: number): Promise<QueueCursor> {
  const row = await db.activity.findFirstOrThrow({
    where: { status },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    skip: offset,
    select: { updatedAt: true, id: true },
  });
  return { direction: "after", ...row };
}

/** A page by number (OFFSET: a jump to any page) or by cursor (next and previous from a page). */
export type QueuePageRequest = { take: number } & ({ skip: number } | { cursor: QueueCursor });

export interface ReviewQueuePage {
  items: { activity: QueuedActivity; tenantName: string }[];
  /** The pages around this one by cursor, when there are any. */
  cursors: { next: QueueCursor | null; prev: QueueCursor | null };
  total: number;
  /** Both queues of every active tenant with work waiting, whatever the filter and page. */
  counts: { dm_review: number; needs_attention: number; waiting_for_credits: number; byTenant: TenantQueueCounts[] };
}

/**
 * One page of a review queue across every active tenant (a suspended tenant's work waits),
 * oldest first: whoever has waited longest is reviewed first.
 */
export async function reviewQueue(
  db: Db,
  status: ReviewQueueStatus,
  filter: ReviewQueueFilter,
  page: QueuePageRequest,
): Promise<ReviewQueuePage> {
  const where = {
    status,
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    plan: { tenant: { status: "active" as const } },
  };
  const cursor = "cursor" in page ? page.cursor : undefined;
  const backwards = cursor?.direction === "before";
  // Written so the (status, updatedAt) index range starts at the cursor; the id breaks ties.
  const keyset = !cursor
    ? {}
    : backwards
      ? {
          updatedAt: { lte: cursor.updatedAt },
          OR: [{ updatedAt: { lt: cursor.updatedAt } }, { id: { lt: cursor.id } }],
        }
      : {
          updatedAt: { gte: cursor.updatedAt },
          OR: [{ updatedAt: { gt: cursor.updatedAt } }, { id: { gt: cursor.id } }],
        };
  const order = backwards ? ("desc" as const) : ("asc" as const);
  const [fetched, typedTotal, grouped, tenants] = await Promise.all([
    // One row more than the page: whether another page follows, without counting.
    db.activity.findMany({
      where: { ...where, ...keyset },
      omit: { periodId: true, slot: true, currentVersionId: true },
      orderBy: [{ updatedAt: order }, { id: order }],
      take: page.take + 1,
      ...("skip" in page ? { skip: page.skip } : {}),
    }),
    // The per-tenant counts below give the total of any filter but a type: count only for that one
    // (at 200,000 activities this join-and-count was the slowest statement of the page).
    filter.type ? db.activity.count({ where }) : undefined,
    db.activity.groupBy({
      by: ["tenantId", "status"],
      where: { status: { in: [...COUNTED] } },
      _count: { _all: true },
    }),
    db.tenant.findMany({ where: { status: "active" }, select: { id: true, name: true } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  // Keyed once: a lookup per tenant and status, not a scan of every group (1,000s of tenants).
  const counted = new Map(grouped.map((g) => [`${g.tenantId}:${g.status}`, g._count._all]));
  const countOf = (tenantId: string, s: CountedStatus) => counted.get(`${tenantId}:${s}`) ?? 0;
  const byTenant = [...names.entries()]
    .map(([tenantId, tenantName]) => ({
      tenantId,
      tenantName,
      ...(Object.fromEntries(COUNTED.map((s) => [s, countOf(tenantId, s)])) as Record<CountedStatus, number>),
    }))
    .filter((t) => COUNTED.some((s) => t[s] > 0));
  const total =
    typedTotal ??
    (filter.tenantId
      ? names.has(filter.tenantId)
        ? countOf(filter.tenantId, status)
        : 0
      : byTenant.reduce((n, t) => n + t[status], 0));
  const more = fetched.length > page.take;
  const rows = fetched.slice(0, page.take);
  if (backwards) rows.reverse();
  const at = (direction: QueueCursor["direction"], row: QueuedActivity | undefined): QueueCursor | null =>
    row ? { direction, updatedAt: row.updatedAt, id: row.id } : null;
  // Going back, the rows before this page are the "more"; a page reached by number or going
  // forward has rows before it unless it is the first.
  const hasNext = backwards ? true : more;
  const hasPrev = backwards ? more : cursor !== undefined || ("skip" in page && page.skip > 0);
  return {
    items: rows.map((activity) => ({ activity, tenantName: names.get(activity.tenantId) ?? "" })),
    cursors: {
      next: hasNext ? at("after", rows.at(-1)) : null,
      prev: hasPrev ? at("before", rows[0]) : null,
    },
    total,
    counts: {
      ...(Object.fromEntries(COUNTED.map((s) => [s, byTenant.reduce((n, t) => n + t[s], 0)])) as Record<
        CountedStatus,
        number
      >),
      byTenant,
    },
  };
}

/** The activity's tenant, found once; everything after goes through that tenant's client. */
async function tenantClientFor(db: Db, activityId: string): Promise<TenantDb> {
  const row = await db.activity.findUnique({ where: { id: activityId }, select: { tenantId: true } });
  if (!row) throw notFound("Activity");
  return forTenant(db, row.tenantId);
}

/** An image the activity's social post carries, for its reviewer; null for any other image of the library. */
export async function reviewedPostImage(db: Db, activityId: string, mediaId: string) {
  const tdb = await tenantClientFor(db, activityId);
  const post = await tdb.socialPost.findFirst({ where: { activityId }, select: { mediaIds: true } });
  return post?.mediaIds.includes(mediaId) ? tdb.mediaAsset.findFirst({ where: { id: mediaId } }) : null;
}

/** An activity as a reviewer sees it: its versions and history, its tenant, and the tenant's latest client context. */
export async function reviewedActivity(db: Db, activityId: string) {
  const tdb = await tenantClientFor(db, activityId);
  const [base, tenant, context] = await Promise.all([
    loadActivityDetail(tdb, activityId),
    tdb.tenant.findFirstOrThrow({ select: { name: true, timezone: true } }),
    tdb.clientContext.findFirst({
      orderBy: { version: "desc" },
      select: { version: true, brandVoice: true, audience: true, products: true },
    }),
  ]);
  return { ...base, tenantName: tenant.name, tenantTimezone: tenant.timezone, clientContext: context };
}

/** What a reviewer decides about an activity; `expectedVersion` is the version they saw. */
export type ReviewDecision =
  | { action: "dm_approve"; expectedVersion?: number }
  | { action: "dm_reject"; feedback: string; expectedVersion?: number }
  | { action: "dm_edit_approve"; title: string; body: string; expectedVersion?: number }
  | { action: "dm_retry"; feedback?: string; expectedVersion?: number };

/** The platform's database (the activity may belong to any tenant) and what a transition needs besides. */
export type ReviewDeps = Omit<TransitionDeps, "tdb"> & { db: Db };

/**
 * A reviewer's decision, applied as the pipeline's transition of the activity, with its history
 * event, audit row and follow-ups (the next draft, the client's notification…).
 */
export async function decideReview(
  deps: ReviewDeps,
  reviewer: { userId: string; requestId?: string },
  activityId: string,
  decision: ReviewDecision,
): Promise<TransitionResult> {
  const { db, ...transitionDeps } = deps;
  const tdb = await tenantClientFor(db, activityId);
  return applyTransition(
    { ...transitionDeps, tdb },
    {
      activityId,
      action: decision.action,
      actor: { type: "user", id: reviewer.userId },
      feedback: "feedback" in decision ? decision.feedback : undefined,
      expectedVersion: decision.expectedVersion,
      requestId: reviewer.requestId,
      within: decision.action === "dm_edit_approve" ? keepReviewersText(decision, reviewer.userId) : undefined,
    },
  );
}

/** Edit-and-approve keeps the reviewer's text as a human version: no AI run. */
const keepReviewersText =
  ({ title, body }: { title: string; body: string }, userId: string): TransitionInput["within"] =>
  async (tx, a) => {
    const number = (await tx.contentVersion.count({ where: { activityId: a.id } })) + 1;
    const version = await tx.contentVersion.create({
      data: {
        tenantId: a.tenantId,
        activityId: a.id,
        number,
        revision: a.revision,
        title,
        body,
        authorType: "user",
        authorUserId: userId,
      },
    });
    if (a.type === "blog_post")
      await tx.blogPost.upsert({
        where: { activityId: a.id },
        create: { tenantId: a.tenantId, activityId: a.id, title, body },
        update: { title, body },
      });
    if (a.type === "social_post")
      await tx.socialPost.upsert({
        where: { activityId: a.id },
        create: { tenantId: a.tenantId, activityId: a.id, channel: a.channel, text: body },
        update: { text: body },
      });
    return { currentVersionId: version.id, title };
  };
