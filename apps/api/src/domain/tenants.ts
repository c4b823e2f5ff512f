import { type Db, likeLiteral, type Prisma, type TenantStatus, writeAudit } from "@leadmetrics/db";
import { AppError, notFound } from "@leadmetrics/errors";

/** 404 unless the tenant exists: for platform routes that name a tenant by id. */
export async function requireTenant(db: Db, tenantId: string): Promise<void> {
  if (!(await db.tenant.findUnique({ where: { id: tenantId }, select: { id: true } }))) throw notFound("Tenant");
}

/** The fields of a tenant that lists and pages show. */
export const tenantFields = {
  id: true,
  name: true,
  slug: true,
  status: true,
  timezone: true,
  suspendedAt: true,
  suspendedReason: true,
  createdAt: true,
} as const;

/**
 * A page of tenants, newest first, each with its member count. The counts are read for the page's
 * tenants only: counting every tenant's members and then sorting reads the whole platform per page.
 */
export async function listTenants(
  db: Db,
  filter: { status?: TenantStatus; search?: string },
  page: { skip: number; take: number },
) {
  const { status, search } = filter;
  const where: Prisma.TenantWhereInput = {
    ...(status ? { status } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: likeLiteral(search), mode: "insensitive" } },
            { slug: { contains: likeLiteral(search.toLowerCase()) } },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.tenant.findMany({ where, select: tenantFields, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.tenant.count({ where }),
  ]);
  const counts = await db.tenantMember.groupBy({
    by: ["tenantId"],
    where: { tenantId: { in: rows.map((r) => r.id) } },
    _count: { _all: true },
  });
  const membersOf = new Map(counts.map((c) => [c.tenantId, c._count._all]));
  return { items: rows.map((r) => ({ ...r, _count: { members: membersOf.get(r.id) ?? 0 } })), total };
}

export type TenantStatusAction = "suspend" | "reactivate";

/**
 * Suspends an active tenant (its members are shut out at once) or reactivates a suspended one,
 * with an audit row. 409 INVALID_STATE when it already has the status asked for.
 */
export async function setTenantStatus(
  db: Db,
  input: { tenantId: string; action: TenantStatusAction; reason?: string; actorId: string; requestId?: string },
): Promise<void> {
  const { tenantId: id, action, reason } = input;
  const [from, to] = action === "suspend" ? (["active", "suspended"] as const) : (["suspended", "active"] as const);
  await db.$transaction(async (tx) => {
    const changed = await tx.tenant.updateMany({
      where: { id, status: from },
      data: { status: to, suspendedAt: action === "suspend" ? new Date() : null, suspendedReason: reason ?? null },
    });
    if (changed.count === 0) {
      const exists = await tx.tenant.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw notFound("Tenant");
      throw new AppError(409, "INVALID_STATE", `Tenant is already ${exists.status}`);
    }
    await writeAudit(tx, {
      tenantId: id,
      actorId: input.actorId,
      action: action === "suspend" ? "tenant.suspended" : "tenant.reactivated",
      targetType: "Tenant",
      targetId: id,
      requestId: input.requestId,
      ...(reason ? { metadata: { reason } } : {}),
    });
  });
}
