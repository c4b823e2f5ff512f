import type { AgentRole } from "@leadmetrics/catalog";
import { type TenantDb, tenantSqlStatement } from "@leadmetrics/db";
import { PermanentJobError } from "@leadmetrics/queue";
import type { AgentDefaults } from "./roles/types";

const configOf = tenantSqlStatement<
  { adapter: string; model: string; temperature: number; enabled: boolean },
  [role: string]
>(`SELECT "adapter", "model", "temperature", "enabled" FROM "AgentConfig" WHERE "tenantId" = $1 AND "role" = $2`);

/** The tenant's AgentConfig for the role, or the platform default (offline unless configured). */
export async function resolveAgentConfig(
  tdb: TenantDb,
  role: AgentRole,
  defaults: AgentDefaults,
): Promise<AgentDefaults> {
  const [config] = await tdb.$sql.rows(configOf, role);
  if (!config) return defaults;
  if (!config.enabled) throw new PermanentJobError(`the ${role} agent is disabled for this tenant`);
  return { adapter: config.adapter, model: config.model, temperature: config.temperature };
}
