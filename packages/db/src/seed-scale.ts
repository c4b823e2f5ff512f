import pg from "pg";

/** How big the scale fixture is. The defaults are the size agencies reach: see docs/benchmarks.md. */
export interface ScaleSizes {
  tenants: number;
  /** Plans per tenant (each approved, monthly). */
  plansPerTenant: number;
  /** Periods per plan and deliverables per period: activities = tenants × plans × periods × slots. */
  periodsPerPlan: number;
  slotsPerPeriod: number;
  /** Members per tenant (users = tenants × members). */
  membersPerTenant: number;
  versionsPerActivity: number;
  eventsPerActivity: number;
  auditRowsPerTenant: number;
  failedJobs: number;
}

export const SCALE_DEFAULTS: ScaleSizes = {
  tenants: 1_000,
  plansPerTenant: 2,
  periodsPerPlan: 10,
  slotsPerPeriod: 10,
  membersPerTenant: 2,
  versionsPerActivity: 3,
  eventsPerActivity: 4,
  auditRowsPerTenant: 200,
  failedJobs: 5_000,
};

/**
 * A page five from the end of the fixture's DM review queue at 50 a page (one activity in 20 waits
 * for review): the deep page benchmarks and the EXPLAIN guard ask for.
 */
export const SCALE_DEEP_QUEUE_PAGE =
  Math.floor(
    (SCALE_DEFAULTS.tenants *
      SCALE_DEFAULTS.plansPerTenant *
      SCALE_DEFAULTS.periodsPerPlan *
      SCALE_DEFAULTS.slotsPerPeriod) /
      20 /
      50,
  ) - 5;

/** The email of the scale fixture's owner of tenant n (1-based), for benchmarks that sign in. */
export const scaleOwnerEmail = (n: number) => `owner-${n}@scale.leadmetrics.local`;
export const SCALE_TENANT_SLUG_PREFIX = "scale-";

/**
 * Fills a migrated database with a large, realistic workload (1,000 tenants, 200,000 activities
 * with their versions and events by default) in set-based SQL, then VACUUM ANALYZEs it so the
 * planner sees production-like statistics. Ids are derived from the row's coordinates, so
 * children are inserted without joins and a re-run is refused rather than doubled.
 * Activity statuses are spread over the whole state machine, with a DM review queue of ~5 %.
 */
export async function seedScale(
  databaseUrl: string,
  sizes: Partial<ScaleSizes> = {},
  passwordHash: string | null = null,
): Promise<{ tenants: number; activities: number; ms: number }> {
  const s = { ...SCALE_DEFAULTS, ...sizes };
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query(`SELECT 1 FROM "Tenant" WHERE slug LIKE $1 LIMIT 1`, [
      `${SCALE_TENANT_SLUG_PREFIX}%`,
    ]);
    if (existing.rowCount) throw new Error("this database already holds the scale fixture");
    const run = (sql: string, params: unknown[] = []) => client.query(sql, params);
    await run("BEGIN");
    // Ids from the row's coordinates: md5 with the version (4) and variant (8) bits set, so every
    // id is a valid UUID to the API's validators.
    await run(
      `CREATE FUNCTION pg_temp.lm_uuid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
       $$ SELECT overlay(overlay(md5(key) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$`,
    );
    // Users and tenants: tenant t's members are users (t-1)*m+1 … t*m; the first is its owner.
    await run(
      `INSERT INTO "Tenant" (id, name, slug, timezone, "createdAt", "updatedAt")
       SELECT pg_temp.lm_uuid('tenant-' || t), 'Scale agency ' || t, $2 || t,
              (ARRAY['UTC','America/New_York','Europe/Berlin','Asia/Kolkata'])[1 + t % 4],
              now() - t * interval '1 hour', now()
       FROM generate_series(1, $1::int) t`,
      [s.tenants, SCALE_TENANT_SLUG_PREFIX],
    );
    await run(
      `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt", "updatedAt")
       SELECT pg_temp.lm_uuid('user-' || u),
              CASE WHEN (u - 1) % $2 = 0 THEN 'owner-' || ((u - 1) / $2 + 1) ELSE 'member-' || u END
                || '@scale.leadmetrics.local',
              'Scale person ' || u, $3, now() - u * interval '1 minute', now()
       FROM generate_series(1, $1::int * $2::int) u`,
      [s.tenants, s.membersPerTenant, passwordHash],
    );
    await run(
      `INSERT INTO "TenantMember" (id, "tenantId", "userId", role, "createdAt", "updatedAt")
       SELECT pg_temp.lm_uuid('member-' || u), pg_temp.lm_uuid('tenant-' || ((u - 1) / $2 + 1)), pg_temp.lm_uuid('user-' || u),
              (CASE WHEN (u - 1) % $2 = 0 THEN 'owner' ELSE 'member' END)::"TenantRole", now(), now()
       FROM generate_series(1, $1::int * $2::int) u`,
      [s.tenants, s.membersPerTenant],
    );
    await run(
      `INSERT INTO "CreditBalance" ("tenantId", available, reserved, "updatedAt")
       SELECT pg_temp.lm_uuid('tenant-' || t), 1000, 0, now() FROM generate_series(1, $1::int) t`,
      [s.tenants],
    );
    // Plans, their items and periods.
    await run(
      `INSERT INTO "DeliverablePlan" (id, "tenantId", name, cadence, "startDate", "periodCount", status,
                                      "submittedAt", "decidedAt", "createdAt", "updatedAt")
       SELECT pg_temp.lm_uuid('plan-' || t || '-' || p), pg_temp.lm_uuid('tenant-' || t), 'Content plan ' || p, 'monthly',
              date '2026-01-01' + (p - 1) * interval '1 year', $3, 'approved',
              now() - interval '30 days', now() - interval '29 days', now() - (t + p) * interval '1 hour', now()
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) p`,
      [s.tenants, s.plansPerTenant, s.periodsPerPlan],
    );
    await run(
      `INSERT INTO "DeliverablePlanItem" (id, "tenantId", "planId", "deliverableType", quantity)
       SELECT pg_temp.lm_uuid('item-' || t || '-' || p), pg_temp.lm_uuid('tenant-' || t), pg_temp.lm_uuid('plan-' || t || '-' || p),
              'blog_post', $3
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) p`,
      [s.tenants, s.plansPerTenant, s.slotsPerPeriod],
    );
    await run(
      `INSERT INTO "DeliverablePeriod" (id, "tenantId", "planId", index, "startsOn", "endsOn", "plannedCount")
       SELECT pg_temp.lm_uuid('period-' || t || '-' || p || '-' || k), pg_temp.lm_uuid('tenant-' || t),
              pg_temp.lm_uuid('plan-' || t || '-' || p), k,
              date '2026-01-01' + k * interval '1 month', date '2026-01-31' + k * interval '1 month', $4
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) p, generate_series(0, $3::int - 1) k`,
      [s.tenants, s.plansPerTenant, s.periodsPerPlan, s.slotsPerPeriod],
    );
    // Activities: one per slot; the status is spread over the machine (index n picks from the list).
    await run(
      `CREATE TEMP TABLE scale_activity ON COMMIT DROP AS
       SELECT pg_temp.lm_uuid('act-' || t || '-' || p || '-' || k || '-' || sl) AS id, pg_temp.lm_uuid('tenant-' || t) AS tenant,
              pg_temp.lm_uuid('plan-' || t || '-' || p) AS plan, pg_temp.lm_uuid('period-' || t || '-' || p || '-' || k) AS period,
              sl, row_number() OVER () AS n
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) p,
            generate_series(0, $3::int - 1) k, generate_series(0, $4::int - 1) sl`,
      [s.tenants, s.plansPerTenant, s.periodsPerPlan, s.slotsPerPeriod],
    );
    await run(
      `INSERT INTO "Activity" (id, "tenantId", "planId", "periodId", slot, type, topic, keyword, status, version,
                               revision, "currentVersionId", "dueOn", "createdAt", "updatedAt")
       SELECT id, tenant, plan, period, sl, 'blog_post', 'Scale topic ' || n, 'keyword ' || (n % 50),
              (ARRAY['published','published','published','published','published','published','published',
                     'published','client_approved','client_review','client_review','dm_review','drafting',
                     'needs_attention','publish_failed','published','published','published','published',
                     'planned'])[1 + n % 20]::"ActivityStatus",
              $1, $1 - 1, pg_temp.lm_uuid('version-' || id || '-' || $1),
              date '2026-01-31' + (n % 365) * interval '1 day',
              now() - (n % 10000) * interval '1 minute', now() - (n % 9973) * interval '1 minute'
       FROM scale_activity`,
      [s.versionsPerActivity],
    );
    await run(
      `INSERT INTO "ContentVersion" (id, "tenantId", "activityId", number, revision, title, body, "authorType",
                                     offline, "createdAt")
       SELECT pg_temp.lm_uuid('version-' || a.id || '-' || v), a.tenant, a.id, v, v - 1, 'Draft ' || v || ' of topic ' || a.n,
              repeat('A paragraph of the draft that a reviewer reads before approving it. ', 8), 'agent', true,
              now() - (a.n % 10000) * interval '1 minute' + v * interval '1 second'
       FROM scale_activity a, generate_series(1, $1::int) v`,
      [s.versionsPerActivity],
    );
    await run(
      `INSERT INTO "ActivityEvent" (id, "tenantId", "activityId", action, "actorType", "fromStatus", "toStatus",
                                    "createdAt")
       SELECT pg_temp.lm_uuid('event-' || a.id || '-' || e), a.tenant, a.id,
              (ARRAY['start_drafting','draft_ready','dm_approve','client_approve'])[1 + (e - 1) % 4],
              (ARRAY['system','agent','user','user'])[1 + (e - 1) % 4]::"ActorType",
              (ARRAY['planned','drafting','dm_review','client_review'])[1 + (e - 1) % 4]::"ActivityStatus",
              (ARRAY['drafting','dm_review','client_review','client_approved'])[1 + (e - 1) % 4]::"ActivityStatus",
              now() - (a.n % 10000) * interval '1 minute' + e * interval '1 second'
       FROM scale_activity a, generate_series(1, $1::int) e`,
      [s.eventsPerActivity],
    );
    await run(
      `INSERT INTO "AuditLog" (id, "tenantId", "actorId", action, "targetType", "targetId", "createdAt")
       SELECT pg_temp.lm_uuid('audit-' || t || '-' || r), pg_temp.lm_uuid('tenant-' || t),
              pg_temp.lm_uuid('user-' || ((t - 1) * $3 + 1)),
              (ARRAY['activity.dm_approve','activity.client_approve','plan.approved','member.invited'])[1 + r % 4],
              'Activity', md5('act-' || t || '-' || r)::text, now() - (t * $2 + r) * interval '1 second'
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) r`,
      [s.tenants, s.auditRowsPerTenant, s.membersPerTenant],
    );
    await run(
      `INSERT INTO "FailedJob" (id, queue, "jobId", "tenantId", payload, reason, attempts, "createdAt")
       SELECT pg_temp.lm_uuid('failed-' || f), 'agent__blog-writer', 'scale-' || f, pg_temp.lm_uuid('tenant-' || (1 + f % $2)),
              jsonb_build_object('tenantId', pg_temp.lm_uuid('tenant-' || (1 + f % $2))), 'upstream 503 after 4 attempts',
              4, now() - f * interval '1 minute'
       FROM generate_series(1, $1::int) f`,
      [s.failedJobs, s.tenants],
    );
    await run("COMMIT");
    // As autovacuum leaves a production database: statistics and the visibility map both current.
    // Statistics from every row, not a random sample (300,000 ≥ the largest table at the default
    // size): the planner then decides the same way on every run of the fixture.
    await run("SET default_statistics_target = 1000");
    await run("VACUUM ANALYZE");
    const activities = s.tenants * s.plansPerTenant * s.periodsPerPlan * s.slotsPerPeriod;
    return { tenants: s.tenants, activities, ms: Math.round(performance.now() - started) };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}
