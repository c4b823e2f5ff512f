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
}

export interface ReviewQueuePage {
  items: { activity: QueuedActivity; tenantName: string }[];
  total: number;
  /** Both queues of every active tenant with work waiting, whatever the filter and page. */
  counts: { dm_review: number; needs_attention: number; byTenant: TenantQueueCounts[] };
}

/**
 * One page of a review queue across every active tenant (a suspended tenant's work waits),
 * oldest first: whoever has waited longest is reviewed first.
 */
export async function reviewQueue(
  db: Db,
  status: ReviewQueueStatus,
  filter: ReviewQueueFilter,
  page: { skip: number; take: number },
): Promise<ReviewQueuePage> {
  const where = {
    status,
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.type ? { type: filter.type } : {}),
    plan: { tenant: { status: "active" as const } },
  };
  const [rows, typedTotal, grouped, tenants] = await Promise.all([
    db.activity.findMany({
      where,
      omit: { periodId: true, slot: true, currentVersionId: true },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      ...page,
    }),
    // The per-tenant counts below give the total of any filter but a type: count only for that one
    // (at 200,000 activities this join-and-count was the slowest statement of the page).
    filter.type ? db.activity.count({ where }) : undefined,
    db.activity.groupBy({
      by: ["tenantId", "status"],
      where: { status: { in: ["dm_review", "needs_attention"] } },
      _count: { _all: true },
    }),
    db.tenant.findMany({ where: { status: "active" }, select: { id: true, name: true } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  // Keyed once: a lookup per tenant and status, not a scan of every group (1,000s of tenants).
  const counted = new Map(grouped.map((g) => [`${g.tenantId}:${g.status}`, g._count._all]));
  const countOf = (tenantId: string, s: ReviewQueueStatus) => counted.get(`${tenantId}:${s}`) ?? 0;
  const byTenant = [...names.entries()]
    .map(([tenantId, tenantName]) => ({
      tenantId,
      tenantName,
      dm_review: countOf(tenantId, "dm_review"),
      needs_attention: countOf(tenantId, "needs_attention"),
    }))
    .filter((t) => t.dm_review + t.needs_attention > 0);
  const total =
    typedTotal ??
    (filter.tenantId
      ? names.has(filter.tenantId)
        ? countOf(filter.tenantId, status)
        : 0
      : byTenant.reduce((n, t) => n + t[status], 0));
  return {
    items: rows.map((activity) => ({ activity, tenantName: names.get(activity.tenantId) ?? "" })),
    total,
    counts: {
      dm_review: byTenant.reduce((n, t) => n + t.dm_review, 0),
      needs_attention: byTenant.reduce((n, t) => n + t.needs_attention, 0),
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

/** An activity as a reviewer sees it: its versions and history, its tenant, and the tenant's latest client context. */
export async function reviewedActivity(db: Db, activityId: string) {
  const tdb = await tenantClientFor(db, activityId);
  const [base, tenant, context] = await Promise.all([
    loadActivityDetail(tdb, activityId),
    tdb.tenant.findFirstOrThrow({ select: { name: true } }),
    tdb.clientContext.findFirst({
      orderBy: { version: "desc" },
      select: { version: true, brandVoice: true, audience: true, products: true },
    }),
  ]);
  return { ...base, tenantName: tenant.name, clientContext: context };
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
    return { currentVersionId: version.id };
  };
