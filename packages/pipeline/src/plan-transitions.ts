import type { ActorType, PlanStatus } from "@leadmetrics/db";

export const PLAN_STATUSES = [
  "draft",
  "pending_approval",
  "approved",
  "rejected",
] as const satisfies readonly PlanStatus[];

export type PlanAction = "edit" | "submit" | "approve" | "reject";

export interface PlanTransitionRule {
  from: readonly PlanStatus[];
  to: PlanStatus;
  actors: readonly ActorType[];
  /** The audit row's action. */
  audit: string;
  reason?: "required";
}

/**
 * The deliverable plan's whole state machine. Anything not listed here is a 409. Only people
 * move plans: an approval is the human gate before any agent works on the plan.
 */
export const PLAN_TRANSITIONS: Record<PlanAction, PlanTransitionRule> = {
  // Editing a rejected plan makes it a draft again (the client reworks it before resubmitting).
  edit: { from: ["draft", "rejected"], to: "draft", actors: ["user"], audit: "plan.edited" },
  submit: { from: ["draft", "rejected"], to: "pending_approval", actors: ["user"], audit: "plan.pending_approval" },
  approve: { from: ["pending_approval"], to: "approved", actors: ["user"], audit: "plan.approved" },
  reject: {
    from: ["pending_approval"],
    to: "rejected",
    actors: ["user"],
    audit: "plan.rejected",
    reason: "required",
  },
};
