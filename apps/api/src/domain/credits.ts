import { grantCredits, isInsufficientCreditsReason } from "@leadmetrics/billing";
import { type Db, type FailedJob, forTenant, sqlStatement } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { type OutboxRelay, queueLabel, type ReplayDeps, replayEach } from "@leadmetrics/queue";
import type { RealtimePublisher } from "@leadmetrics/realtime";
import { requireTenant } from "./tenants";

export interface CreditGrantInput {
  tenantId: string;
  amount: number;
  note: string;
  actorId: string;
  requestId?: string;
}

export interface CreditGrantDeps extends ReplayDeps {
  outbox: OutboxRelay;
  realtime?: RealtimePublisher;
}

/**
 * What stopped for want of credits in a tenant, oldest first: the drafts waiting for credits, and
 * the failed jobs a grant replays (the drafts' jobs and any plan's planner run). The one rule a
 * grant follows and Manage's tenant page announces.
 */
export async function creditWaiters(
  db: Db,
  tenantId: string,
): Promise<{ activities: { id: string; title: string }[]; jobs: FailedJob[] }> {
  const [activities, unreplayed] = await Promise.all([
    forTenant(db, tenantId).activity.findMany({
      where: { status: "waiting_for_credits" },
      orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, topic: true },
    }),
    db.failedJob.findMany({ where: { tenantId, replayedAt: null }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    activities: activities.map((a) => ({ id: a.id, title: a.title ?? a.topic })),
    jobs: unreplayed.filter((row) => isInsufficientCreditsReason(row.reason)),
  };
}

/**
 * A super-admin's grant; then the tenant's work that stopped for want of credits starts again,
 * oldest first: its activities go back to drafting and their jobs are replayed. What still lacks
 * credits waits again and stays listed.
 */
export async function grantCreditsAndResume(deps: CreditGrantDeps, input: CreditGrantInput) {
  await requireTenant(deps.db, input.tenantId);
  const { balance, entry } = await grantCredits(deps.db, input);
  const tdb = forTenant(deps.db, input.tenantId);
  const waiting = await creditWaiters(deps.db, input.tenantId);
  for (const { id } of waiting.activities)
    await applyTransition(
      { tdb, outbox: deps.outbox, realtime: deps.realtime },
      {
        activityId: id,
        action: "credits_granted",
        actor: { type: "user", id: input.actorId },
        requestId: input.requestId,
        within: async () => ({ lastError: null }),
      },
    );
  const resumedJobs = await replayEach(deps, waiting.jobs, { actorId: input.actorId, requestId: input.requestId });
  return { balance, entry, resumedJobs };
}

/** How many waiting titles the tenant page names; the rest are counted. */
const NAMED_WAITERS = 5;

// The runs and the people a page of the ledger names, in one statement whatever the page holds.
const ledgerNames = sqlStatement<
  {
    kind: "run" | "user";
    key: string;
    role: string | null;
    activityId: string | null;
    planId: string | null;
    name: string | null;
    email: string | null;
  },
  [runKeys: string[], users: string[]]
>(
  `SELECT 'run' AS kind, r."runKey" AS key, r.role, r."activityId"::text AS "activityId", r."planId"::text AS "planId",
          COALESCE(a.title, a.topic, p.name) AS name, NULL AS email
     FROM "AgentRun" r
     LEFT JOIN "Activity" a ON a.id = r."activityId"
     LEFT JOIN "DeliverablePlan" p ON p.id = r."planId"
    WHERE r."runKey" = ANY($1::text[])
   UNION ALL SELECT 'user', id::text, NULL, NULL, NULL, name, email FROM "User" WHERE id = ANY($2::uuid[])`,
);

export interface LedgerEntryView {
  id: string;
  kind: "grant" | "run" | "adjustment";
  status: "reserved" | "settled" | "released" | "posted";
  amount: number;
  note: string | null;
  createdAt: Date;
  /** For a run's entry: which agent ran, on what (null when the run's row is gone). */
  run: { role: string; activityId: string | null; planId: string | null; subject: string | null } | null;
  /** Who granted: null for the platform itself (welcome credits) and for runs. */
  actor: { id: string; name: string | null; email: string | null } | null;
}

/**
 * A tenant's credits for Manage: the balance, what waits for credits (and so what a grant
 * resumes), and a page of the ledger, newest first, each entry with its run or its granter named.
 */
export async function tenantCredits(db: Db, tenantId: string, page: { skip: number; take: number }) {
  await requireTenant(db, tenantId);
  const [balance, rows, total, waiting] = await Promise.all([
    db.creditBalance.findUnique({ where: { tenantId } }),
    db.creditLedger.findMany({ where: { tenantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.creditLedger.count({ where: { tenantId } }),
    creditWaiters(db, tenantId),
  ]);
  const runKeys = rows.flatMap((r) => (r.runKey ? [r.runKey] : []));
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const names = rows.length ? await db.$sql.rows(ledgerNames, runKeys, actorIds) : [];
  const named = new Map(names.map((n) => [`${n.kind}:${n.key}`, n]));
  const entries: LedgerEntryView[] = rows.map((r) => {
    const run = r.runKey ? named.get(`run:${r.runKey}`) : undefined;
    const actor = r.actorId ? named.get(`user:${r.actorId}`) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      amount: r.amount,
      note: r.note,
      createdAt: r.createdAt,
      run: run ? { role: run.role!, activityId: run.activityId, planId: run.planId, subject: run.name } : null,
      actor: r.actorId ? { id: r.actorId, name: actor?.name ?? null, email: actor?.email ?? null } : null,
    };
  });
  const byQueue = new Map<string, number>();
  for (const job of waiting.jobs) byQueue.set(job.queue, (byQueue.get(job.queue) ?? 0) + 1);
  return {
    available: balance?.available ?? 0,
    reserved: balance?.reserved ?? 0,
    waiting: {
      activityCount: waiting.activities.length,
      activities: waiting.activities.slice(0, NAMED_WAITERS),
      jobCount: waiting.jobs.length,
      jobsByQueue: [...byQueue].map(([queue, count]) => ({ queue, label: queueLabel(queue), count })),
    },
    ledger: { entries, total },
  };
}
