export {
  type Actor,
  applyTransition,
  type FollowUp,
  runFollowUps,
  type TransitionDeps,
  type TransitionInput,
  type TransitionResult,
  transitionActivity,
} from "./transition";
export { type ActivityAction, MAX_DM_REJECTIONS, TRANSITIONS, type TransitionRule } from "./transitions";
