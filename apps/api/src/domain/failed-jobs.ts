import { isInsufficientCreditsReason } from "@leadmetrics/billing";
import { agentRoleLabel, isAgentRole } from "@leadmetrics/catalog";
import { type Db, type FailedJob, sqlStatement } from "@leadmetrics/db";
import { notFound } from "@leadmetrics/errors";
import { type QueueClient, queueLabel, replayStateOf } from "@leadmetrics/queue";

export interface FailedJobFilter {
  queue?: string;
  tenantId?: string;
  replayed?: boolean;
}

/** Jobs that failed for good, newest first. */
export async function listFailedJobs(
  db: Db,
  filter: FailedJobFilter,
  page: { skip: number; take: number },
): Promise<{ rows: FailedJob[]; total: number }> {
  const where = {
    ...(filter.queue ? { queue: filter.queue } : {}),
    ...(filter.tenantId ? { tenantId: filter.tenantId } : {}),
    ...(filter.replayed !== undefined ? { replayedAt: filter.replayed ? { not: null } : null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.failedJob.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page }),
    db.failedJob.count({ where }),
  ]);
  return { rows, total };
}

/** One failed job and, when it was replayed, what became of the replay in BullMQ. */
export async function failedJobWithReplayState(
  deps: { db: Db; queues: Pick<QueueClient, "queue"> },
  id: string,
): Promise<{ row: FailedJob; replayState: string | null }> {
  const row = await deps.db.failedJob.findUnique({ where: { id } });
  if (!row) throw notFound("Failed job");
  return { row, replayState: await replayStateOf(deps.queues, row) };
}

// The tenants, activities and plans a page of failed jobs concerns, in one statement.
const failedJobNames = sqlStatement<
  { kind: "tenant" | "activity" | "plan"; id: string; name: string },
  [tenants: string[], activities: string[], plans: string[]]
>(
  `SELECT 'tenant' AS kind, id::text AS id, name FROM "Tenant" WHERE id = ANY($1::uuid[])
   UNION ALL SELECT 'activity', id::text, COALESCE(title, topic) FROM "Activity" WHERE id = ANY($2::uuid[])
   UNION ALL SELECT 'plan', id::text, name FROM "DeliverablePlan" WHERE id = ANY($3::uuid[])`,
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idIn = (payload: unknown, key: "activityId" | "planId"): string | null => {
  const value = payload && typeof payload === "object" ? (payload as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" && UUID.test(value) ? value : null;
};

export interface FailedJobContext {
  queueLabel: string;
  reasonText: string;
  /** Stopped for want of credits and not replayed yet: the tenant's next grant replays it. */
  waitsForCredits: boolean;
  tenant: { id: string; name: string | null } | null;
  /** The activity or plan the job was working on (its name null when it is gone). */
  subject: { kind: "activity" | "plan"; id: string; name: string | null } | null;
}

/** Each failed job of a page in words: its queue, its reason, its tenant and what it was working on. */
export async function describeFailedJobs(db: Db, rows: FailedJob[]): Promise<(FailedJob & FailedJobContext)[]> {
  const subjects = rows.map((r) => {
    const activityId = idIn(r.payload, "activityId");
    if (activityId) return { kind: "activity" as const, id: activityId };
    const planId = idIn(r.payload, "planId");
    return planId ? { kind: "plan" as const, id: planId } : null;
  });
  const ids = (kind: "activity" | "plan") => [...new Set(subjects.flatMap((s) => (s?.kind === kind ? [s.id] : [])))];
  const tenants = [...new Set(rows.flatMap((r) => (r.tenantId ? [r.tenantId] : [])))];
  const found = rows.length ? await db.$sql.rows(failedJobNames, tenants, ids("activity"), ids("plan")) : [];
  const named = new Map(found.map((f) => [`${f.kind}:${f.id}`, f.name]));
  return rows.map((r, i) => {
    const subject = subjects[i] ?? null;
    return {
      ...r,
      queueLabel: queueLabel(r.queue),
      reasonText: plainFailureReason(r.reason),
      waitsForCredits: r.replayedAt === null && isInsufficientCreditsReason(r.reason),
      tenant: r.tenantId ? { id: r.tenantId, name: named.get(`tenant:${r.tenantId}`) ?? null } : null,
      subject: subject ? { ...subject, name: named.get(`${subject.kind}:${subject.id}`) ?? null } : null,
    };
  });
}

/**
 * A failure reason as an operator reads it: what happened and what to do next. Workers record
 * terse reasons (and, for unexpected errors, whatever the error said); the known ones are worded
 * here, the others keep their first line.
 */
export function plainFailureReason(reason: string): string {
  const credits = /^This run needs (\d+) credits; (\d+) are available$/.exec(reason);
  if (credits)
    return `Not enough credits: the run needed ${credits[1]} and the workspace had ${credits[2]}. Granting credits runs it again by itself.`;
  if (reason.startsWith("invalid payload:"))
    return `The job's data was not valid, so it never ran (${reason.slice("invalid payload:".length).trim()}). A replay sends the same data: fix what sent it first.`;
  const disabled = /^the (.+) agent is disabled for this tenant$/.exec(reason);
  if (disabled) {
    const role = disabled[1]!;
    const label = isAgentRole(role) ? agentRoleLabel(role) : role;
    return `The ${label} agent is turned off for this workspace: turn it on in the agent configuration on the tenant's page, then replay.`;
  }
  const adapter = /^the (\S+) adapter needs (\w+);/.exec(reason);
  if (adapter)
    return `The ${adapter[1]} adapter is not set up on the agents server (it needs ${adapter[2]}): set it, or switch the role to Offline on the tenant's page, then replay.`;
  if (reason.startsWith("refused to publish: the workspace is suspended"))
    return "Not published because the workspace is suspended. Replay once it is reactivated.";
  const firstLine = (reason.split("\n")[0] ?? "")
    .replace(/^(Error|PermanentJobError|UnrecoverableError):\s*/, "")
    .trim();
  const sentence = firstLine.length > 300 ? `${firstLine.slice(0, 299)}…` : firstLine;
  return sentence ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}` : "The job failed without saying why.";
}
