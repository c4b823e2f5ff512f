export {
  applyPlanTransition,
  type PlanTransitionDeps,
  type PlanTransitionInput,
  type PlanTransitionResult,
  type PlanWithItems,
  transitionPlan,
} from "./plan-transition";
export { PLAN_STATUSES, PLAN_TRANSITIONS, type PlanAction, type PlanTransitionRule } from "./plan-transitions";
export {
  type Actor,
  applyTransition,
  type FollowUp,
  findActivity,
  runFollowUps,
  type TransitionDeps,
  type TransitionInput,
  type TransitionResult,
  transitionActivity,
} from "./transition";
export { type ActivityAction, MAX_DM_REJECTIONS, TRANSITIONS, type TransitionRule } from "./transitions";
