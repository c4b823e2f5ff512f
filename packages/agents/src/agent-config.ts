import type { AgentRole } from "@leadmetrics/catalog";
import type { TenantDb } from "@leadmetrics/db";
import { PermanentJobError } from "@leadmetrics/queue";
import type { AgentDefaults } from "./roles/types";

/** The tenant's AgentConfig for the role, or the platform default (offline unless configured). */
export async function resolveAgentConfig(
  tdb: TenantDb,
  role: AgentRole,
  defaults: AgentDefaults,
): Promise<AgentDefaults> {
  const config = await tdb.agentConfig.findFirst({ where: { role } });
  if (!config) return defaults;
  if (!config.enabled) throw new PermanentJobError(`the ${role} agent is disabled for this tenant`);
  return { adapter: config.adapter, model: config.model, temperature: config.temperature };
}
