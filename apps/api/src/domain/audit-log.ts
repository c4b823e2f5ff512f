import { type Db, Prisma } from "@leadmetrics/db";

/**
 * The log only grows (200,000 rows and more): an exact total would read every matching row on
 * each page. Counting stops here, and the page says "10,000+" instead.
 */
export const AUDIT_COUNT_CAP = 10_000;

export interface AuditLogFilter {
  tenantId?: string;
  actorId?: string;
  /** An exact action, or a prefix ending in "." such as "tenant.". */
  action?: string;
}

/** Newest first; the total counted up to AUDIT_COUNT_CAP (`totalCapped` when it got there). */
export async function listAuditLog(db: Db, filter: AuditLogFilter, page: { skip: number; take: number }) {
  const { tenantId, actorId, action } = filter;
  const prefix = action?.endsWith(".") ? action : undefined;
  // The column is collated "C" (byte order): the actions starting with "plan." are exactly those
  // from "plan." up to "plan/" ("/" follows "."), a range of the (action, createdAt) index even in
  // a prepared statement, where a LIKE with a parameter cannot use one.
  const range = prefix ? { gte: prefix, lt: `${prefix.slice(0, -1)}/` } : undefined;
  const where = {
    ...(tenantId ? { tenantId } : {}),
    ...(actorId ? { actorId } : {}),
    ...(action ? { action: range ?? action } : {}),
  };
  // Counted in SQL: Prisma's capped count orders the rows it counts (by id), which reads them all.
  const conditions = [
    tenantId ? Prisma.sql`"tenantId" = ${tenantId}::uuid` : undefined,
    actorId ? Prisma.sql`"actorId" = ${actorId}::uuid` : undefined,
    range
      ? Prisma.sql`action >= ${range.gte} AND action < ${range.lt}`
      : action
        ? Prisma.sql`action = ${action}`
        : undefined,
  ].filter((c): c is Prisma.Sql => c !== undefined);
  // A prefix counted in index order: a range of the action index, however rare the prefix (a
  // sequential scan would stop after the cap for a common one, but read every row for a rare one).
  const byAction = range ? Prisma.sql`ORDER BY action` : Prisma.empty;
  const whereSql = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [rows, [counted]] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total
      FROM (SELECT 1 FROM "AuditLog" ${whereSql} ${byAction} LIMIT ${AUDIT_COUNT_CAP}) capped`,
  ]);
  const total = counted?.total ?? 0;
  return { rows, total, totalCapped: total >= AUDIT_COUNT_CAP };
}
