import type { QueueName } from "@leadmetrics/queue";
import { activityPlanner } from "./activity-planner";
import { publisher } from "./publisher";
import type { RoleDefinition } from "./types";
import { blogWriter, socialPostWriter, strategyWriter } from "./writers";

/** Every agent role the agents server runs. A new role is a new entry here. */
export const ROLES: RoleDefinition<QueueName>[] = [
  activityPlanner,
  blogWriter,
  socialPostWriter,
  strategyWriter,
  publisher,
] as unknown as RoleDefinition<QueueName>[];

export { planPeriods, planSlots } from "./activity-planner";
export type { AgentDefaults, RoleDefinition, RoleDeps } from "./types";
