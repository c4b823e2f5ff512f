export {
  ADAPTER_NAMES,
  type AdapterName,
  type AdapterRegistry,
  type AdapterSettings,
  createAdapterRegistry,
} from "./adapters";
export { type ActivityPromptInput, buildActivityPrompt, offlineExample } from "./prompt";
export { type AgentDefaults, planPeriods, planSlots, ROLES, type RoleDefinition, type RoleDeps } from "./roles";
