import type { ActivityStatus, ActorType } from "@leadmetrics/db";

/** After this many DM rejections the activity stops redrafting and waits for a person. */
export const MAX_DM_REJECTIONS = 3;

export type ActivityAction =
  | "start_drafting"
  | "draft_ready"
  | "draft_failed"
  | "credits_short"
  | "credits_granted"
  | "dm_approve"
  | "dm_edit_approve"
  | "dm_reject"
  | "dm_retry"
  | "client_approve"
  | "client_reject"
  | "publish_start"
  | "publish_succeeded"
  | "publish_failed"
  | "retry_publish";

export interface TransitionRule {
  from: readonly ActivityStatus[];
  to: ActivityStatus;
  actors: readonly ActorType[];
  feedback?: "required" | "optional";
}

/** The whole activity state machine. Anything not listed here is a 409. */
export const TRANSITIONS: Record<ActivityAction, TransitionRule> = {
  start_drafting: { from: ["planned"], to: "drafting", actors: ["system", "agent"] },
  draft_ready: { from: ["drafting"], to: "dm_review", actors: ["agent"] },
  draft_failed: { from: ["drafting"], to: "needs_attention", actors: ["system", "agent"] },
  // The writer could not hold its credits: the work waits, visibly, until a grant resumes it.
  credits_short: { from: ["drafting"], to: "waiting_for_credits", actors: ["system", "agent"] },
  credits_granted: { from: ["waiting_for_credits"], to: "drafting", actors: ["system", "user"] },
  dm_approve: { from: ["dm_review"], to: "client_review", actors: ["user"] },
  dm_edit_approve: { from: ["dm_review", "needs_attention"], to: "client_review", actors: ["user"] },
  // `to` becomes needs_attention instead when the rejection reaches MAX_DM_REJECTIONS.
  dm_reject: { from: ["dm_review"], to: "drafting", actors: ["user"], feedback: "required" },
  dm_retry: { from: ["needs_attention"], to: "drafting", actors: ["user"], feedback: "optional" },
  client_approve: { from: ["client_review"], to: "client_approved", actors: ["user"] },
  client_reject: { from: ["client_review"], to: "drafting", actors: ["user"], feedback: "required" },
  publish_start: { from: ["client_approved"], to: "publishing", actors: ["agent"] },
  publish_succeeded: { from: ["publishing"], to: "published", actors: ["agent"] },
  publish_failed: { from: ["publishing"], to: "publish_failed", actors: ["agent"] },
  retry_publish: { from: ["publish_failed"], to: "client_approved", actors: ["user"] },
};
