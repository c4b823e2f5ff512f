export { TRANSITIONS, MAX_DM_REJECTIONS, WRITER_ROLE, type ActivityAction, type TransitionRule } from "./transitions";
export { transitionActivity, runFollowUps, applyTransition, type Actor, type TransitionInput, type TransitionResult, type FollowUp, type TransitionDeps } from "./transition";
