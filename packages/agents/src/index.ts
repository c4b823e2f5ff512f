export {
  ADAPTER_NAMES,
  type AdapterName,
  type AdapterRegistry,
  type AdapterSettings,
  createAdapterRegistry,
} from "./adapters";
export { type AgentPrompt, type AgentRunOutcome, type AgentRunSpec, usageOf, withAgentRun } from "./agent-run";
export { type ActivityPromptInput, buildActivityPrompt, offlineExample, withOfflineExample } from "./prompt";
export {
  type AgentDefaults,
  type AgentRoleDefinition,
  type ContentWriterDefinition,
  type ContentWriterSpec,
  contentWriter,
  type DraftContent,
  defineAgentRole,
  planPeriods,
  planSlots,
  ROLES,
  type RoleDeps,
  type RoleJobContext,
  type RoleSpec,
  type RoleWorkerOptions,
} from "./roles";
