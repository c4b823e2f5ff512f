import type { DeliverablePlan, DeliverablePlanItem, PlanStatus, Prisma, TenantDb, TenantTx } from "@leadmetrics/db";
import { writeAudit } from "@leadmetrics/db";
import { AppError, notFound, validationError } from "@leadmetrics/errors";
import { type OutboxRelay, type StagedJob, stageJobs } from "@leadmetrics/queue";
import { PLAN_TRANSITIONS, type PlanAction, type PlanTransitionRule } from "./plan-transitions";
import type { Actor } from "./transition";

export type PlanWithItems = DeliverablePlan & { items: DeliverablePlanItem[] };

export interface PlanTransitionInput {
  planId: string;
  action: PlanAction;
  actor: Actor;
  /** Why the plan is rejected: required by `reject`. */
  reason?: string;
  requestId?: string;
  /** Writes that belong to the same transaction (an edit's new fields and items). */
  within?: (tx: TenantTx, plan: PlanWithItems) => Promise<Prisma.DeliverablePlanUncheckedUpdateManyInput | undefined>;
}

export interface PlanTransitionResult {
  plan: DeliverablePlan;
  from: PlanStatus;
  to: PlanStatus;
  /** The follow-ups' outbox rows, committed with the transition: flushed after the commit. */
  outboxIds: string[];
}

const words = (status: string) => status.replace("_", " ");

function refusal(action: PlanAction, from: PlanStatus, rule: PlanTransitionRule): AppError {
  if (action === "edit")
    return new AppError(409, "INVALID_TRANSITION", `Only a ${rule.from.map(words).join(" or ")} plan can be edited`);
  return new AppError(409, "INVALID_TRANSITION", `A ${words(from)} plan cannot become ${words(rule.to)}`, {
    from,
    to: rule.to,
    allowedFrom: rule.from,
  });
}

/** What each move changes besides the status. */
function fieldsOf(
  action: PlanAction,
  actor: Actor,
  reason: string | undefined,
): Prisma.DeliverablePlanUncheckedUpdateManyInput {
  const decidedById = actor.type === "user" ? (actor.id ?? null) : null;
  switch (action) {
    case "edit":
      return { rejectionReason: null };
    case "submit":
      return { submittedAt: new Date(), rejectionReason: null };
    case "approve":
      return { decidedAt: new Date(), decidedById };
    case "reject":
      return { decidedAt: new Date(), decidedById, rejectionReason: reason ?? null };
  }
}

/** The approved plan is turned into activities by the planner: staged with the approval, so it runs exactly when the approval commits. */
function followUpsOf(action: PlanAction, plan: DeliverablePlan, requestId?: string): StagedJob[] {
  if (action !== "approve") return [];
  return [{ queue: "agent__activity-planner", payload: { tenantId: plan.tenantId, planId: plan.id, requestId } }];
}

/**
 * The one place a deliverable plan changes status: checks the move against PLAN_TRANSITIONS (409
 * otherwise), applies it only if the status is still the one checked (of two concurrent moves one
 * wins, the other is a 409), and records an audit row and its follow-up jobs (in the outbox) in
 * the same transaction. Callers flush the follow-ups after the commit (`applyPlanTransition`).
 */
export async function transitionPlan(tdb: TenantDb, input: PlanTransitionInput): Promise<PlanTransitionResult> {
  const rule = PLAN_TRANSITIONS[input.action];
  if (!rule.actors.includes(input.actor.type)) {
    throw new AppError(403, "FORBIDDEN", `${input.actor.type} cannot ${input.action} a plan`);
  }
  const reason = input.reason?.trim();
  if (rule.reason === "required" && !reason)
    throw validationError("A reason is required to reject", {
      fields: [{ path: "body.reason", message: "is required" }],
    });

  return tdb.$transaction(async (tx) => {
    const plan = await tx.deliverablePlan.findFirst({
      where: { id: input.planId },
      include: { items: { orderBy: { id: "asc" } } },
    });
    if (!plan) throw notFound("Plan");
    if (!rule.from.includes(plan.status)) throw refusal(input.action, plan.status, rule);

    const extra = input.within ? await input.within(tx, plan) : undefined;
    const [moved] = await tx.deliverablePlan.updateManyAndReturn({
      where: { id: plan.id, status: plan.status },
      data: { ...extra, ...fieldsOf(input.action, input.actor, reason), status: rule.to },
    });
    if (!moved) {
      // Someone moved it between the read and the write: refuse with the status it has now.
      const now = await tx.deliverablePlan.findFirst({ where: { id: plan.id }, select: { status: true } });
      if (!now) throw notFound("Plan");
      throw refusal(input.action, now.status, rule);
    }
    await writeAudit(tx, {
      actorId: input.actor.type === "user" ? (input.actor.id ?? null) : null,
      action: rule.audit,
      targetType: "DeliverablePlan",
      targetId: plan.id,
      requestId: input.requestId ?? null,
    });
    const outboxIds = await stageJobs(tx, followUpsOf(input.action, moved, input.requestId));
    return { plan: moved, from: plan.status, to: rule.to, outboxIds };
  });
}

interface FollowUpLog {
  warn(obj: object, msg: string): void;
}

export interface PlanTransitionDeps {
  tdb: TenantDb;
  outbox: Pick<OutboxRelay, "flush">;
  log?: FollowUpLog;
}

/** Transition, then hand its follow-ups to BullMQ: what request handlers call. */
export async function applyPlanTransition(
  deps: PlanTransitionDeps,
  input: PlanTransitionInput,
): Promise<PlanTransitionResult> {
  const result = await transitionPlan(deps.tdb, input);
  // If Redis refuses, the move and its jobs still stand: the outbox relay retries them.
  await deps.outbox
    .flush(result.outboxIds)
    .catch((err) => deps.log?.warn({ err }, "planner not enqueued yet; the outbox relay will retry"));
  return result;
}
