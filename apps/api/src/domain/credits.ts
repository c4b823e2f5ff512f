import { grantCredits, isInsufficientCreditsReason } from "@leadmetrics/billing";
import { forTenant } from "@leadmetrics/db";
import { applyTransition } from "@leadmetrics/pipeline";
import { type OutboxRelay, type ReplayDeps, replayEach } from "@leadmetrics/queue";
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
 * A super-admin's grant; then the tenant's work that stopped for want of credits starts again,
 * oldest first: its activities go back to drafting and their jobs are replayed. What still lacks
 * credits waits again and stays listed.
 */
export async function grantCreditsAndResume(deps: CreditGrantDeps, input: CreditGrantInput) {
  await requireTenant(deps.db, input.tenantId);
  const { balance, entry } = await grantCredits(deps.db, input);
  const tdb = forTenant(deps.db, input.tenantId);
  const waitingActivities = await tdb.activity.findMany({
    where: { status: "waiting_for_credits" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  for (const { id } of waitingActivities)
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
  const waiting = (
    await deps.db.failedJob.findMany({
      where: { tenantId: input.tenantId, replayedAt: null },
      orderBy: { createdAt: "asc" },
    })
  ).filter((row) => isInsufficientCreditsReason(row.reason));
  const resumedJobs = await replayEach(deps, waiting, { actorId: input.actorId, requestId: input.requestId });
  return { balance, entry, resumedJobs };
}
