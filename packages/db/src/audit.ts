import type { Prisma } from "./generated/prisma/client";
import { type TenantSqlRunner, tenantSqlStatement } from "./sql";
import { uuidv7 } from "./uuid";

export interface AuditEntry {
  tenantId?: string | null;
  actorId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  requestId?: string | null;
  metadata?: Prisma.InputJsonValue;
}

/** Anything that can create an AuditLog row: the global client, a tenant client, a transaction. */
interface AuditWriter {
  auditLog: { create(args: { data: Prisma.AuditLogUncheckedCreateInput }): Promise<unknown> };
}

/** Appends one audit row. Call it inside the transaction of the change it records. */
export async function writeAudit(writer: AuditWriter, entry: AuditEntry): Promise<void> {
  await writer.auditLog.create({
    data: {
      // Omitted rather than null when unknown, so a tenant client fills in its own tenant.
      ...(entry.tenantId !== undefined ? { tenantId: entry.tenantId } : {}),
      actorId: entry.actorId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      requestId: entry.requestId ?? null,
      metadata: entry.metadata,
    },
  });
}

const insertTenantAudit = tenantSqlStatement<
  never,
  [
    id: string,
    actorId: string | null,
    action: string,
    targetType: string,
    targetId: string | null,
    requestId: string | null,
    metadata: string | null,
    createdAt: string,
  ]
>(
  `INSERT INTO "AuditLog" ("tenantId", "id", "actorId", "action", "targetType", "targetId", "requestId", "metadata", "createdAt")
   VALUES ($1, $2::uuid, $3::uuid, $4, $5, $6, $7, $8::jsonb, $9::timestamp)`,
);

/** `writeAudit` for a tenant's transaction on a hot path: one statement through the thin SQL layer. */
export async function writeTenantAudit(
  tx: { $sql: TenantSqlRunner },
  entry: Omit<AuditEntry, "tenantId">,
): Promise<void> {
  await tx.$sql.rows(
    insertTenantAudit,
    uuidv7(),
    entry.actorId ?? null,
    entry.action,
    entry.targetType,
    entry.targetId ?? null,
    entry.requestId ?? null,
    entry.metadata === undefined ? null : JSON.stringify(entry.metadata),
    new Date().toISOString(),
  );
}
