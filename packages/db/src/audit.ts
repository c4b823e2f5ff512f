import type { Prisma } from "./generated/prisma/client";

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
