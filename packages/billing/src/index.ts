import { type Db, type TenantTx, writeAudit } from "@leadmetrics/db";
import { AppError } from "@leadmetrics/errors";

export class InsufficientCreditsError extends AppError {
  constructor(needed: number, available: number) {
    super(402, "INSUFFICIENT_CREDITS", `This run needs ${needed} credits; ${available} are available`, {
      needed,
      available,
    });
  }
}

/** True for the failure reason a run that lacked credits leaves (on its FailedJob row): a grant resumes it. */
export const isInsufficientCreditsReason = (reason: string): boolean =>
  /^This run needs \d+ credits; \d+ are available$/.test(reason);

/**
 * Holds credits for a run. Idempotent per `runKey`: a retried job finds its reservation and
 * holds nothing more, so a run has one ledger entry whatever the retries.
 */
export async function reserveCredits(tx: TenantTx, tenantId: string, runKey: string, amount: number): Promise<void> {
  if (await tx.creditLedger.findFirst({ where: { runKey }, select: { id: true } })) return;
  if (amount > 0) {
    const held = await tx.creditBalance.updateMany({
      where: { tenantId, available: { gte: amount } },
      data: { available: { decrement: amount }, reserved: { increment: amount } },
    });
    if (held.count !== 1) {
      const balance = await tx.creditBalance.findFirst({ where: { tenantId } });
      throw new InsufficientCreditsError(amount, balance?.available ?? 0);
    }
  }
  await tx.creditLedger.create({ data: { tenantId, kind: "run", status: "reserved", amount, runKey } });
}

/** The run finished: the hold becomes the charge (`actual` may be below the hold). Once only. */
export async function settleCredits(
  tx: TenantTx,
  tenantId: string,
  runKey: string,
  actual: number,
  agentRunId?: string,
): Promise<void> {
  const entry = await tx.creditLedger.findFirst({ where: { runKey, status: "reserved" } });
  if (!entry) return;
  const charged = Math.min(actual, entry.amount);
  const done = await tx.creditLedger.updateMany({
    where: { id: entry.id, status: "reserved" },
    data: { status: "settled", amount: charged, agentRunId: agentRunId ?? null },
  });
  if (done.count !== 1) return;
  await tx.creditBalance.updateMany({
    where: { tenantId },
    data: { reserved: { decrement: entry.amount }, available: { increment: entry.amount - charged } },
  });
}

/** The run failed for good: the hold is given back. Once only. */
export async function releaseCredits(tx: TenantTx, tenantId: string, runKey: string): Promise<void> {
  const entry = await tx.creditLedger.findFirst({ where: { runKey, status: "reserved" } });
  if (!entry) return;
  const done = await tx.creditLedger.updateMany({
    where: { id: entry.id, status: "reserved" },
    data: { status: "released" },
  });
  if (done.count !== 1) return;
  await tx.creditBalance.updateMany({
    where: { tenantId },
    data: { reserved: { decrement: entry.amount }, available: { increment: entry.amount } },
  });
}

export interface CreditGrant {
  tenantId: string;
  amount: number;
  note: string;
  /** Who granted: a super-admin, or null for the platform itself (welcome credits). */
  actorId: string | null;
  requestId?: string;
}

/** A grant (positive) or correction (negative), with its ledger entry and audit row, inside the caller's transaction. */
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function grantCreditsIn(tx: Tx, input: CreditGrant) {
  const balance = await tx.creditBalance.upsert({
    where: { tenantId: input.tenantId },
    create: { tenantId: input.tenantId, available: Math.max(0, input.amount) },
    update: { available: { increment: input.amount } },
  });
  if (balance.available < 0)
    throw new AppError(409, "NEGATIVE_BALANCE", "A correction cannot take the balance below zero");
  const entry = await tx.creditLedger.create({
    data: {
      tenantId: input.tenantId,
      kind: input.amount >= 0 ? "grant" : "adjustment",
      status: "posted",
      amount: input.amount,
      note: input.note,
      actorId: input.actorId,
    },
  });
  await writeAudit(tx, {
    tenantId: input.tenantId,
    actorId: input.actorId,
    action: "credits.granted",
    targetType: "CreditLedger",
    targetId: entry.id,
    requestId: input.requestId ?? null,
    metadata: { amount: input.amount, note: input.note },
  });
  return { balance, entry };
}

/** A super-admin's grant or correction, in a transaction of its own. */
export async function grantCredits(db: Db, input: CreditGrant & { actorId: string }) {
  return db.$transaction((tx) => grantCreditsIn(tx, input));
}
