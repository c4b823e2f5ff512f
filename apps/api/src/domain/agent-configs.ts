import { ADAPTER_NAMES, type AdapterName } from "@leadmetrics/catalog";
import type { Db } from "@leadmetrics/db";
import { writeAudit } from "@leadmetrics/db";
import { AGENT_ROLES, type AgentRole } from "@leadmetrics/queue";
import { z } from "zod";
import { requireTenant } from "./tenants";

export const ADAPTERS = ADAPTER_NAMES;
export type Adapter = AdapterName;

export const agentConfigInput = z.strictObject({
  adapter: z.enum(ADAPTERS),
  model: z.string().trim().min(1).max(100),
  temperature: z.number().min(0).max(2).default(0.7),
  enabled: z.boolean().default(true),
});
export type AgentConfigInput = z.infer<typeof agentConfigInput>;

export interface AgentConfigView {
  role: AgentRole;
  adapter: Adapter;
  model: string;
  temperature: number;
  enabled: boolean;
  /** False when no row exists and the platform default applies. */
  configured: boolean;
}

/** What a role runs on when its tenant configured nothing: the offline adapter. */
const platformDefault = (role: AgentRole): AgentConfigView => ({
  role,
  adapter: "offline",
  model: "offline",
  temperature: 0.7,
  enabled: true,
  configured: false,
});

const viewOf = (
  role: AgentRole,
  row: { adapter: string; model: string; temperature: number; enabled: boolean },
): AgentConfigView => ({
  role,
  adapter: row.adapter as Adapter,
  model: row.model,
  temperature: row.temperature,
  enabled: row.enabled,
  configured: true,
});

/** Every role of a tenant, configured or on the platform default. */
export async function agentConfigsOf(db: Db, tenantId: string): Promise<AgentConfigView[]> {
  await requireTenant(db, tenantId);
  const rows = await db.agentConfig.findMany({ where: { tenantId } });
  return AGENT_ROLES.map((role) => {
    const row = rows.find((r) => r.role === role);
    return row ? viewOf(role, row) : platformDefault(role);
  });
}

/** Sets the adapter and model one role of a tenant runs on, with an audit row. */
export async function saveAgentConfig(
  db: Db,
  input: { tenantId: string; role: AgentRole; config: AgentConfigInput; actorId: string; requestId?: string },
): Promise<AgentConfigView> {
  const { tenantId, role, config } = input;
  await requireTenant(db, tenantId);
  const row = await db.$transaction(async (tx) => {
    const saved = await tx.agentConfig.upsert({
      where: { tenantId_role: { tenantId, role } },
      create: { tenantId, role, ...config },
      update: config,
    });
    await writeAudit(tx, {
      tenantId,
      actorId: input.actorId,
      action: "agent_config.updated",
      targetType: "AgentConfig",
      targetId: saved.id,
      requestId: input.requestId,
      metadata: { role, ...config },
    });
    return saved;
  });
  return viewOf(role, row);
}
