import { type WriterRole, writerOf } from "@leadmetrics/catalog";
import {
  type Activity,
  type ActivityStatus,
  type ActorType,
  type Prisma,
  type TenantDb,
  type TenantSqlRunner,
  type TenantTx,
  tenantSqlStatement,
  uuidv7,
  writeTenantAudit,
} from "@leadmetrics/db";
import { AppError, notFound, validationError } from "@leadmetrics/errors";
import type { NotificationEvent } from "@leadmetrics/notification-events";
import { agentQueue, type OutboxRelay, type StagedJob, stageJobs, type WakeReason } from "@leadmetrics/queue";
import { type RealtimePublisher, rooms } from "@leadmetrics/realtime";
import { type ActivityAction, MAX_DM_REJECTIONS, TRANSITIONS } from "./transitions";

export interface Actor {
  type: ActorType;
  /** A user id for people; the agent run id or role for agents. */
  id?: string;
}

export interface TransitionInput {
  activityId: string;
  action: ActivityAction;
  actor: Actor;
  feedback?: string;
  /** The `version` the caller saw; a different current version is a 409 (someone acted first). */
  expectedVersion?: number;
  requestId?: string;
  /**
   * The notifications of this move go out once per this key (for each group) instead of once per
   * activity version: many drafts stopping for one cause (the credits ran out) tell people once.
   */
  notifyOnce?: string;
  /** Writes that belong to the same transaction (the new draft, the published URL, …). */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook may also just do its writes and return nothing
  within?: (tx: TenantTx, activity: Activity) => Promise<Prisma.ActivityUncheckedUpdateManyInput | void>;
}

export type FollowUp =
  | { kind: "draft"; role: WriterRole; revision: number; wakeReason: WakeReason }
  | { kind: "publish"; attempt: number }
  | { kind: "notify"; event: NotificationEvent; group: "dm_reviewers" | "tenant_admins" };

export interface TransitionResult {
  activity: Activity;
  from: ActivityStatus;
  to: ActivityStatus;
  followUps: FollowUp[];
  /** The follow-ups' outbox rows, committed with the transition: flushed after the commit. */
  outboxIds: string[];
}

const ACTION_NOTIFICATIONS: Partial<Record<ActivityStatus, FollowUp[]>> = {
  dm_review: [{ kind: "notify", event: "draft_ready_for_review", group: "dm_reviewers" }],
  client_review: [{ kind: "notify", event: "ready_for_client_review", group: "tenant_admins" }],
  needs_attention: [{ kind: "notify", event: "needs_attention", group: "dm_reviewers" }],
  waiting_for_credits: [
    { kind: "notify", event: "waiting_for_credits", group: "tenant_admins" },
    { kind: "notify", event: "waiting_for_credits", group: "dm_reviewers" },
  ],
  published: [{ kind: "notify", event: "published", group: "tenant_admins" }],
  publish_failed: [
    { kind: "notify", event: "publish_failed", group: "tenant_admins" },
    { kind: "notify", event: "publish_failed", group: "dm_reviewers" },
  ],
};

// The statements of every transition, on the thin SQL layer: a writer job runs them at volume.
const activityRow = tenantSqlStatement<Activity, [id: string]>(
  `SELECT * FROM "Activity" WHERE "tenantId" = $1 AND "id" = $2::uuid`,
);
const insertEvent = tenantSqlStatement<
  never,
  [
    id: string,
    activityId: string,
    action: string,
    actorType: ActorType,
    actorId: string | null,
    fromStatus: ActivityStatus,
    toStatus: ActivityStatus,
    feedback: string | null,
    requestId: string | null,
    createdAt: string,
  ]
>(
  `INSERT INTO "ActivityEvent" ("tenantId", "id", "activityId", "action", "actorType", "actorId", "fromStatus", "toStatus", "feedback", "requestId", "createdAt")
   VALUES ($1, $2::uuid, $3::uuid, $4, $5::"ActorType", $6, $7::"ActivityStatus", $8::"ActivityStatus", $9, $10, $11::timestamp)`,
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tenant's activity by id (null when it is not the tenant's, or the id is no UUID). */
export async function findActivity(db: { $sql: TenantSqlRunner }, id: string): Promise<Activity | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.$sql.rows(activityRow, id);
  return row ?? null;
}

/**
 * The one place an activity changes status: checks the move against TRANSITIONS (409 otherwise),
 * applies it with optimistic concurrency (of two reviewers acting on one version exactly one
 * wins), records an ActivityEvent, an audit row and its follow-up jobs (in the outbox) in the
 * same transaction. Callers flush the follow-ups after the commit with `runFollowUps`.
 */
export async function transitionActivity(tdb: TenantDb, input: TransitionInput): Promise<TransitionResult> {
  const rule = TRANSITIONS[input.action];
  if (!rule.actors.includes(input.actor.type)) {
    throw new AppError(403, "FORBIDDEN", `${input.actor.type} cannot ${input.action.replace(/_/g, " ")}`);
  }
  const feedback = input.feedback?.trim();
  if (rule.feedback === "required" && !feedback)
    throw validationError("Feedback is required to reject", {
      fields: [{ path: "body.feedback", message: "is required" }],
    });

  return tdb.$transaction(async (tx) => {
    const activity = await findActivity(tx, input.activityId);
    if (!activity) throw notFound("Activity");
    if (!rule.from.includes(activity.status)) {
      throw new AppError(
        409,
        "INVALID_TRANSITION",
        `Cannot ${input.action.replace(/_/g, " ")} an activity that is ${activity.status.replace(/_/g, " ")}`,
        {
          from: activity.status,
          action: input.action,
          allowedFrom: rule.from,
        },
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== activity.version) {
      throw new AppError(409, "STALE_VERSION", "This activity was changed by someone else; reload and try again", {
        expectedVersion: input.expectedVersion,
        currentVersion: activity.version,
      });
    }

    let to = rule.to;
    const update: Prisma.ActivityUncheckedUpdateManyInput = { status: to, version: activity.version + 1 };
    const followUps: FollowUp[] = [];
    const writer = writerOf(activity.type);
    const redraft = (wakeReason: WakeReason) => {
      update.revision = activity.revision + 1;
      followUps.push({ kind: "draft", role: writer, revision: activity.revision + 1, wakeReason });
    };

    switch (input.action) {
      case "start_drafting":
        redraft("new_task");
        break;
      case "dm_reject": {
        const count = activity.dmRejectionCount + 1;
        update.dmRejectionCount = count;
        if (count >= MAX_DM_REJECTIONS) update.status = to = "needs_attention";
        else redraft("rejection");
        break;
      }
      case "dm_retry":
        update.dmRejectionCount = 0;
        redraft(feedback ? "rejection" : "new_task");
        break;
      case "client_reject":
        update.clientRejectionCount = activity.clientRejectionCount + 1;
        redraft("rejection");
        break;
      case "client_approve":
      case "retry_publish":
        followUps.push({ kind: "publish", attempt: activity.version + 1 });
        break;
    }
    followUps.push(...(ACTION_NOTIFICATIONS[to] ?? []));

    const extra = input.within ? await input.within(tx, activity) : undefined;
    // The changed row comes back with the write: no second read.
    const [fresh] = await tx.activity.updateManyAndReturn({
      where: { id: activity.id, version: activity.version, status: activity.status },
      data: { ...extra, ...update },
    });
    if (!fresh) {
      throw new AppError(409, "STALE_VERSION", "This activity was changed by someone else; reload and try again");
    }
    await tx.$sql.rows(
      insertEvent,
      uuidv7(),
      activity.id,
      input.action,
      input.actor.type,
      input.actor.id ?? null,
      activity.status,
      to,
      feedback ?? null,
      input.requestId ?? null,
      new Date().toISOString(),
    );
    await writeTenantAudit(tx, {
      actorId: input.actor.type === "user" ? (input.actor.id ?? null) : null,
      action: `activity.${input.action}`,
      targetType: "Activity",
      targetId: activity.id,
      requestId: input.requestId ?? null,
      metadata: {
        from: activity.status,
        to,
        actor: input.actor.type,
        ...(input.actor.type !== "user" && input.actor.id ? { actorRef: input.actor.id } : {}),
      },
    });
    if (to === "published") {
      await tx.deliverablePeriod.updateMany({
        where: { id: activity.periodId },
        data: { publishedCount: { increment: 1 } },
      });
    }
    const outboxIds = await stageJobs(
      tx,
      followUps.map((f) => toStagedJob(fresh, f, input.requestId, input.notifyOnce)),
    );
    return { activity: fresh, from: activity.status, to, followUps, outboxIds };
  });
}

interface FollowUpLog {
  warn(obj: object, msg: string): void;
}

/**
 * After the commit: announces the change live and hands the staged follow-ups to BullMQ. If
 * Redis refuses, the transition and its jobs still stand: the outbox relay retries them.
 */
export async function runFollowUps(
  outbox: OutboxRelay,
  result: TransitionResult,
  log?: FollowUpLog,
  realtime?: RealtimePublisher,
): Promise<void> {
  const { activity } = result;
  // Announced live to the tenant's room and the reviewers' room; best effort (pages also refetch).
  await realtime
    ?.publish({
      rooms: [rooms.tenant(activity.tenantId), rooms.dm],
      event: "activity:status",
      payload: {
        activityId: activity.id,
        tenantId: activity.tenantId,
        from: result.from,
        to: result.to,
        version: activity.version,
        title: activity.title ?? activity.topic,
        type: activity.type,
      },
    })
    .catch((err) => log?.warn({ err }, "activity status not announced"));
  await outbox
    .flush(result.outboxIds)
    .catch((err) =>
      log?.warn({ err, activityId: activity.id }, "follow-ups not flushed; the outbox relay will retry them"),
    );
}

function toStagedJob(activity: Activity, f: FollowUp, requestId?: string, notifyOnce?: string): StagedJob {
  const ids = { tenantId: activity.tenantId, activityId: activity.id, requestId };
  if (f.kind === "draft")
    return { queue: agentQueue(f.role), payload: { ...ids, revision: f.revision, wakeReason: f.wakeReason } };
  if (f.kind === "publish") return { queue: "agent__publisher", payload: { ...ids, attempt: f.attempt } };
  return {
    queue: "notifications__dispatch",
    payload: {
      tenantId: activity.tenantId,
      recipient: { group: f.group },
      event: f.event,
      data: {
        activityId: activity.id,
        title: activity.title ?? activity.topic,
        type: activity.type,
        status: activity.status,
      },
      dedupeKey: notifyOnce
        ? `${notifyOnce}-${f.event}-${f.group}`
        : `${activity.id}-v${activity.version}-${f.event}-${f.group}`,
      requestId,
    },
  };
}

/** Transition, then run its follow-ups: what request handlers and workers call. */
export interface TransitionDeps {
  tdb: TenantDb;
  outbox: OutboxRelay;
  log?: FollowUpLog;
  realtime?: RealtimePublisher;
}

export async function applyTransition(deps: TransitionDeps, input: TransitionInput): Promise<TransitionResult> {
  const result = await transitionActivity(deps.tdb, input);
  await runFollowUps(deps.outbox, result, deps.log, deps.realtime);
  return result;
}
