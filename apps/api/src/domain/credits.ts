import { grantCredits, isInsufficientCreditsReason } from "@leadmetrics/billing";
import { type ReplayDeps, replayEach } from "@leadmetrics/queue";
import { requireTenant } from "./tenants";

export interface CreditGrantInput {
  tenantId: string;
  amount: number;
  note: string;
  actorId: string;
  requestId?: string;
}

/**
 * A super-admin's grant; then the tenant's work that stopped for want of credits starts again,
 * oldest first. What still lacks credits fails again and stays listed.
 */
export async function grantCreditsAndResume(deps: ReplayDeps, input: CreditGrantInput) {
  await requireTenant(deps.db, input.tenantId);
  const { balance, entry } = await grantCredits(deps.db, input);
  const waiting = (
    await deps.db.failedJob.findMany({
      where: { tenantId: input.tenantId, replayedAt: null },
      orderBy: { createdAt: "asc" },
    })
  ).filter((row) => isInsufficientCreditsReason(row.reason));
  const resumedJobs = await replayEach(deps, waiting, { actorId: input.actorId, requestId: input.requestId });
  return { balance, entry, resumedJobs };
}
