export { ROLES, planPeriods, planSlots, type RoleDefinition, type RoleDeps, type AgentDefaults } from "./roles";
export { buildActivityPrompt, offlineExample, type ActivityPromptInput } from "./prompt";
export { createAdapterRegistry, ADAPTER_NAMES, type AdapterName, type AdapterRegistry, type AdapterSettings } from "./adapters";
