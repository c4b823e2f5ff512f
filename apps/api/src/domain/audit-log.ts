import { type Db, Prisma, sqlStatement } from "@leadmetrics/db";

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

/** The kinds of audit target whose rows have a name to show. */
const NAMED_TARGETS = ["User", "Tenant", "Activity", "DeliverablePlan", "FailedJob", "ConnectedChannel"] as const;
type NamedTarget = (typeof NAMED_TARGETS)[number];

// Every name a page of the log shows, in one statement whatever the page holds: the actors and
// user targets, the tenants, and each other kind of target by its id.
const auditNames = sqlStatement<
  { kind: NamedTarget; id: string; name: string; email: string | null },
  [users: string[], tenants: string[], activities: string[], plans: string[], jobs: string[], channels: string[]]
>(
  `SELECT 'User' AS kind, id::text AS id, name, email FROM "User" WHERE id = ANY($1::uuid[])
   UNION ALL SELECT 'Tenant', id::text, name, NULL FROM "Tenant" WHERE id = ANY($2::uuid[])
   UNION ALL SELECT 'Activity', id::text, COALESCE(title, topic), NULL FROM "Activity" WHERE id = ANY($3::uuid[])
   UNION ALL SELECT 'DeliverablePlan', id::text, name, NULL FROM "DeliverablePlan" WHERE id = ANY($4::uuid[])
   UNION ALL SELECT 'FailedJob', id::text, queue, NULL FROM "FailedJob" WHERE id = ANY($5::uuid[])
   UNION ALL SELECT 'ConnectedChannel', id::text, name, NULL FROM "ConnectedChannel" WHERE id = ANY($6::uuid[])`,
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Older rows wrote "tenant" in lower case. */
const targetKind = (targetType: string): NamedTarget | undefined =>
  NAMED_TARGETS.find((k) => k.toLowerCase() === targetType.toLowerCase());

type AuditRow = { actorId: string | null; tenantId: string | null; targetType: string; targetId: string | null };

/**
 * Names a page of audit rows: each actor's name and email, each tenant's name, each target's name
 * (null when its row is gone or its kind has none). One statement per page.
 */
export async function nameAuditRows<R extends AuditRow>(db: Db, rows: R[]) {
  const ids: Record<NamedTarget, Set<string>> = {
    User: new Set(),
    Tenant: new Set(),
    Activity: new Set(),
    DeliverablePlan: new Set(),
    FailedJob: new Set(),
    ConnectedChannel: new Set(),
  };
  for (const r of rows) {
    if (r.actorId) ids.User.add(r.actorId);
    if (r.tenantId) ids.Tenant.add(r.tenantId);
    const kind = targetKind(r.targetType);
    if (kind && r.targetId && UUID.test(r.targetId)) ids[kind].add(r.targetId);
  }
  const list = (kind: NamedTarget) => [...ids[kind]];
  const found = await db.$sql.rows(
    auditNames,
    list("User"),
    list("Tenant"),
    list("Activity"),
    list("DeliverablePlan"),
    list("FailedJob"),
    list("ConnectedChannel"),
  );
  const named = new Map(found.map((f) => [`${f.kind}:${f.id}`, f]));
  return rows.map((r) => {
    const actor = r.actorId ? named.get(`User:${r.actorId}`) : undefined;
    const kind = targetKind(r.targetType);
    return {
      ...r,
      targetType: kind ?? r.targetType,
      actor: r.actorId ? { id: r.actorId, name: actor?.name ?? null, email: actor?.email ?? null } : null,
      tenantName: r.tenantId ? (named.get(`Tenant:${r.tenantId}`)?.name ?? null) : null,
      targetName: kind && r.targetId ? (named.get(`${kind}:${r.targetId}`)?.name ?? null) : null,
      targetEmail: kind === "User" && r.targetId ? (named.get(`User:${r.targetId}`)?.email ?? null) : null,
    };
  });
}
