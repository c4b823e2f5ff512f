import type { AgentRole, DeliverableTypeId } from "@leadmetrics/catalog";
import type { DeliverableType } from "@leadmetrics/db";
import { activityPlanner } from "./activity-planner";
import { publisher } from "./publisher";
import type { AgentRoleDefinition } from "./types";
import { blogWriter, socialPostWriter, strategyWriter } from "./writers";

/**
 * Every agent role the agents server runs, keyed by the catalogue: a role of the catalogue
 * without its definition here (or a definition for another role's key) does not compile.
 */
export const ROLES = {
  "activity-planner": activityPlanner,
  "blog-writer": blogWriter,
  "social-post-writer": socialPostWriter,
  "strategy-writer": strategyWriter,
  publisher,
} satisfies { [R in AgentRole]: AgentRoleDefinition<R> };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** The catalogue's deliverable types are exactly the database enum's values: a compile error otherwise. */
export type DeliverableTypesMatchDatabase = Assert<Same<DeliverableTypeId, DeliverableType>>;

export { planPeriods, planSlots } from "./activity-planner";
export {
  type ContentWriterDefinition,
  type ContentWriterSpec,
  contentWriter,
  type DraftContent,
} from "./content-writer";
export {
  type AgentDefaults,
  type AgentRoleDefinition,
  defineAgentRole,
  type RoleDeps,
  type RoleJobContext,
  type RoleSpec,
  type RoleWorkerOptions,
} from "./types";
