import { randomUUID } from "node:crypto";
import {
  type Db,
  type Prisma,
  type SqlRunner,
  sqlStatement,
  TenantScopeError,
  type TenantSqlRunner,
  tenantSqlStatement,
} from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { captureTraceContext, withTraceContext } from "@leadmetrics/telemetry";
import { InvalidJobPayloadError, prepareJob, type QueueClient } from "./producer";
import type { PayloadOf, QueueName } from "./registry";

/** A job to stage: what `enqueue` would take. */
export interface StagedJob<Q extends QueueName = QueueName> {
  queue: Q;
  payload: PayloadOf<Q>;
  /** Only for replays (`replay-…`); otherwise the queue's own id strategy decides. */
  jobId?: string;
}

/** Anything that can write outbox rows: the global client, a transaction, a tenant transaction. */
export interface OutboxWriter {
  outboxJob: { createMany(args: { data: Prisma.OutboxJobCreateManyInput[] }): PromiseLike<unknown> };
  /** A tenant's client or transaction stages through the thin SQL layer (transitions run at volume). */
  readonly $sql?: SqlRunner | TenantSqlRunner;
}

/** A row is claimable again once its claim has passed; new rows are claimable at once. */
const UNCLAIMED = new Date(0);

const insertTenantJob = tenantSqlStatement<
  never,
  [id: string, queue: string, jobId: string, payload: string, traceContext: string | null, createdAt: string]
>(
  `INSERT INTO "OutboxJob" ("tenantId", "id", "queue", "jobId", "payload", "traceContext", "claimedUntil", "createdAt")
   VALUES ($1, $2::uuid, $3, $4, $5::jsonb, $6::jsonb, '1970-01-01 00:00:00', $7::timestamp)`,
);

const isTenantRunner = (sql: SqlRunner | TenantSqlRunner | undefined): sql is TenantSqlRunner =>
  typeof (sql as TenantSqlRunner | undefined)?.tenantId === "string";

/**
 * Stages jobs in the caller's transaction (the transactional outbox): they exist if and only if
 * the change that asks for them commits. The payload is validated and the job id fixed now, so
 * a relay that adds the same row twice adds one job. Returns the row ids to flush after commit.
 */
export async function stageJobs(tx: OutboxWriter, jobs: StagedJob[]): Promise<string[]> {
  if (jobs.length === 0) return [];
  // The request's trace travels with the rows: a job relayed later still continues it.
  const traceContext = captureTraceContext();
  const rows = jobs.map((j) => {
    const id = randomUUID();
    const { data, jobId } = prepareJob(j.queue, j.payload, j.jobId ?? id);
    const tenantId = (data as { tenantId?: string | null }).tenantId ?? null;
    return {
      id,
      tenantId,
      queue: j.queue,
      jobId,
      payload: data as Prisma.InputJsonValue,
      claimedUntil: UNCLAIMED,
      ...(traceContext ? { traceContext } : {}),
    };
  });
  const sql = tx.$sql;
  if (isTenantRunner(sql)) {
    // What the tenant client's createMany would refuse: a row of another tenant, or of none.
    if (rows.some((r) => r.tenantId !== sql.tenantId)) throw new TenantScopeError("data.tenantId names another tenant");
    const createdAt = new Date().toISOString();
    for (const r of rows) {
      const trace = r.traceContext ? JSON.stringify(r.traceContext) : null;
      await sql.rows(insertTenantJob, r.id, r.queue, r.jobId, JSON.stringify(r.payload), trace, createdAt);
    }
  } else await tx.outboxJob.createMany({ data: rows });
  return rows.map((r) => r.id);
}

export interface OutboxRelayOptions {
  db: Db;
  queues: QueueClient;
  log: Pick<Logger, "warn" | "error" | "debug">;
  /** How often leftovers (rows whose flush failed, or whose process died) are retried. */
  intervalMs?: number;
  /** How long a claimed row belongs to the relay that claimed it. */
  claimMs?: number;
  batchSize?: number;
}

interface ClaimedRow {
  id: string;
  queue: QueueName;
  jobId: string;
  payload: unknown;
  traceContext: Record<string, string> | null;
}

/** Claims up to $2 claimable rows for $1 ms: among the given ids ($3), or any. */
const claimText = (among: string) => `
  UPDATE "OutboxJob" SET "claimedUntil" = (now() AT TIME ZONE 'UTC') + $1::int * interval '1 millisecond', "attempts" = "attempts" + 1
  WHERE "id" IN (
    SELECT "id" FROM "OutboxJob"
    WHERE "claimedUntil" <= (now() AT TIME ZONE 'UTC') ${among}
    ORDER BY "createdAt" LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING "id"::text AS "id", "queue", "jobId", "payload", "traceContext"`;
const claimAny = sqlStatement<ClaimedRow, [claimMs: number, limit: number]>(claimText(""));
const claimRows = sqlStatement<ClaimedRow, [claimMs: number, limit: number, ids: string[]]>(
  claimText(`AND "id" = ANY($3::uuid[])`),
);
const deleteRow = sqlStatement<never, [id: string]>(`DELETE FROM "OutboxJob" WHERE "id" = $1::uuid`);

/**
 * Moves staged jobs to BullMQ. `flush(ids)` right after a commit makes the common case as fast
 * as a direct enqueue; `start()` polls for whatever is left (Redis was down, the process died
 * between commit and flush). Rows are claimed with SKIP LOCKED, so any number of processes can
 * relay side by side; a row is deleted only after BullMQ accepted its job.
 */
export function createOutboxRelay(opts: OutboxRelayOptions) {
  const claimMs = opts.claimMs ?? 10_000;
  const batchSize = opts.batchSize ?? 100;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  const claim = (ids?: string[]) =>
    ids ? opts.db.$sql.rows(claimRows, claimMs, batchSize, ids) : opts.db.$sql.rows(claimAny, claimMs, batchSize);

  async function relay(rows: ClaimedRow[]): Promise<number> {
    let sent = 0;
    for (const [i, row] of rows.entries()) {
      try {
        await withTraceContext(row.traceContext, () =>
          opts.queues.enqueue(row.queue, row.payload as PayloadOf<QueueName>, { jobId: row.jobId }),
        );
      } catch (err) {
        if (err instanceof InvalidJobPayloadError) {
          await deadLetter(row, err.message);
          continue;
        }
        // Redis is unwell: hand this row and the rest of the batch back for the next round.
        const rest = rows.slice(i).map((r) => r.id);
        opts.log.warn(
          { err: (err as Error).message, pending: rest.length },
          "outbox: jobs not enqueued yet; will retry",
        );
        await opts.db.outboxJob
          .updateMany({
            where: { id: { in: rest } },
            data: { claimedUntil: UNCLAIMED, lastError: String((err as Error).message).slice(0, 1_000) },
          })
          .catch(() => {}); // the claim expires on its own
        return sent;
      }
      // BullMQ has the job; if this delete fails the row is relayed again under the same job id.
      await opts.db.$sql
        .rows(deleteRow, row.id)
        .catch((err) => opts.log.warn({ err: (err as Error).message, id: row.id }, "outbox: row not deleted"));
      sent++;
    }
    return sent;
  }

  /** A payload the queue no longer accepts can never be sent: it goes where operators look. */
  async function deadLetter(row: ClaimedRow, reason: string): Promise<void> {
    opts.log.error({ queue: row.queue, jobId: row.jobId, reason }, "outbox: invalid staged job");
    await opts.db.$transaction([
      opts.db.failedJob.upsert({
        where: { queue_jobId: { queue: row.queue, jobId: row.jobId } },
        create: {
          queue: row.queue,
          jobId: row.jobId,
          payload: (row.payload ?? {}) as Prisma.InputJsonValue,
          reason: reason.slice(0, 4_000),
          attempts: 0,
        },
        update: { reason: reason.slice(0, 4_000) },
      }),
      opts.db.outboxJob.deleteMany({ where: { id: row.id } }),
    ]);
  }

  /** Relays the given rows (after a commit) or, without ids, everything claimable. */
  async function flush(ids?: string[]): Promise<number> {
    if (ids && ids.length === 0) return 0;
    // Redis is known to be down: leave the rows for the poller instead of holding a request 3 s.
    if (!opts.queues.available()) return 0;
    let total = 0;
    for (;;) {
      const rows = await claim(ids);
      if (rows.length === 0) return total;
      const sent = await relay(rows);
      total += sent;
      if (ids || sent < rows.length || rows.length < batchSize) return total;
    }
  }

  return {
    flush,
    /** What waits to be relayed: a growing backlog means Redis refuses or no relay runs. */
    async backlog(): Promise<{ jobs: number; oldestAgeSeconds: number }> {
      const [row] = await opts.db.$queryRaw<
        { jobs: bigint; oldest: Date | null }[]
      >`SELECT count(*) AS jobs, min("createdAt") AS oldest FROM "OutboxJob"`;
      return {
        jobs: Number(row?.jobs ?? 0),
        oldestAgeSeconds: row?.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0,
      };
    },
    /** Polls for leftovers until `stop()`. */
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = flush()
          .catch((err) => {
            opts.log.warn({ err: (err as Error).message }, "outbox: relay round failed");
            return 0;
          })
          .finally(() => (running = undefined));
      }, opts.intervalMs ?? 1_000);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
