import type { Db } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";

/** 404 unless the tenant exists: for platform routes that name a tenant by id. */
export async function requireTenant(db: Db, tenantId: string): Promise<void> {
  if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
}
