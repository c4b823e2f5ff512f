import {
  type Db,
  TenantScopeError,
  type TenantSqlRunner,
  type TenantTx,
  tenantSqlStatement,
  uuidv7,
  writeAudit,
} from "@leadmetrics/db";
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
 * A run's reservation and settlement, each one statement on the thin SQL layer (every agent job
 * runs both). Data-modifying CTEs see the rows as they were when the statement began.
 *
 * Reserve: nothing if the run holds its entry already; otherwise the balance pays the hold (when
 * it has enough, or the hold is zero) and the entry is written. `available` is the balance before.
 */
const reserveRun = tenantSqlStatement<
  { existed: boolean; reserved: boolean; available: number | null },
  [runKey: string, amount: number, id: string, now: string]
>(
  `WITH existing AS (
     SELECT 1 FROM "CreditLedger" WHERE "tenantId" = $1 AND "runKey" = $2
   ), held AS (
     UPDATE "CreditBalance" SET "available" = "available" - $3::int, "reserved" = "reserved" + $3::int, "updatedAt" = $5::timestamp
     WHERE "tenantId" = $1 AND "available" >= $3::int AND $3::int > 0 AND NOT EXISTS (SELECT 1 FROM existing)
     RETURNING 1
   ), entry AS (
     INSERT INTO "CreditLedger" ("id", "tenantId", "kind", "status", "amount", "runKey", "createdAt", "updatedAt")
     SELECT $4::uuid, $1, 'run', 'reserved', $3::int, $2, $5::timestamp, $5::timestamp
     WHERE NOT EXISTS (SELECT 1 FROM existing) AND ($3::int = 0 OR EXISTS (SELECT 1 FROM held))
     RETURNING 1
   )
   SELECT EXISTS (SELECT 1 FROM existing) AS "existed", EXISTS (SELECT 1 FROM entry) AS "reserved",
     (SELECT "available" FROM "CreditBalance" WHERE "tenantId" = $1) AS "available"`,
);

/** Settle: the reserved entry becomes the charge (at most the hold) and the balance gets the rest back. */
const settleRun = tenantSqlStatement<never, [runKey: string, actual: number, agentRunId: string | null, now: string]>(
  `WITH entry AS (
     SELECT "id", "amount" FROM "CreditLedger" WHERE "tenantId" = $1 AND "runKey" = $2 AND "status" = 'reserved'
   ), settled AS (
     UPDATE "CreditLedger" AS l SET "status" = 'settled', "amount" = LEAST($3::int, entry."amount"), "agentRunId" = $4::uuid, "updatedAt" = $5::timestamp
     FROM entry WHERE l."id" = entry."id" AND l."status" = 'reserved'
     RETURNING entry."amount" AS "held", l."amount" AS "charged"
   )
   UPDATE "CreditBalance" AS b SET "reserved" = b."reserved" - s."held", "available" = b."available" + (s."held" - s."charged"), "updatedAt" = $5::timestamp
   FROM settled AS s WHERE b."tenantId" = $1`,
);

/** The tenant transaction's SQL runner, refusing another tenant's id as the tenant client would. */
function sqlOf(tx: TenantTx, tenantId: string): TenantSqlRunner {
  if (tx.$sql.tenantId !== tenantId) throw new TenantScopeError("where.tenantId names another tenant");
  return tx.$sql;
}

/**
 * Holds credits for a run. Idempotent per `runKey`: a retried job finds its reservation and
 * holds nothing more, so a run has one ledger entry whatever the retries.
 */
export async function reserveCredits(tx: TenantTx, tenantId: string, runKey: string, amount: number): Promise<void> {
  const [result] = await sqlOf(tx, tenantId).rows(reserveRun, runKey, amount, uuidv7(), new Date().toISOString());
  if (result && !result.existed && !result.reserved) throw new InsufficientCreditsError(amount, result.available ?? 0);
}

/** The run finished: the hold becomes the charge (`actual` may be below the hold). Once only. */
export async function settleCredits(
  tx: TenantTx,
  tenantId: string,
  runKey: string,
  actual: number,
  agentRunId?: string,
): Promise<void> {
  await sqlOf(tx, tenantId).rows(settleRun, runKey, actual, agentRunId ?? null, new Date().toISOString());
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
