import { type Db, forTenant, type Prisma, type TenantDb } from "@leadmetrics/db";
import type { Logger } from "@leadmetrics/logger";
import { queueTelemetry, withRequestId } from "@leadmetrics/telemetry";
import { type ConnectionOptions, type Job, UnrecoverableError, Worker } from "bullmq";
import type { QueueClient } from "./producer";
import { type PayloadOf, QUEUES, type QueueName } from "./registry";

/** A queue whose payload always names its tenant gets a tenant client; one with an optional tenant may get none. */
export type TenantClientOf<P> = [P] extends [{ tenantId: string }] ? TenantDb : TenantDb | null;

export interface JobContext<Q extends QueueName> {
  payload: PayloadOf<Q>;
  job: Job;
  log: Logger;
  /**
   * The tenant-scoped client of the payload's tenant: every row a handler loads is checked
   * against the payload's tenant by construction. Typed non-null for every queue whose schema
   * requires a tenant; null only for platform jobs without one.
   */
  tdb: TenantClientOf<PayloadOf<Q>>;
  db: Db;
  /** Aborted when the worker shuts down: long LLM calls stop early and the job is retried. */
  signal: AbortSignal;
  /** 1-based; `final` is true on the last attempt BullMQ will make. */
  attempt: number;
  final: boolean;
}

export interface WorkerOptions {
  connection: ConnectionOptions;
  prefix?: string;
  db: Db;
  logger: Logger;
  /** Where the operator alert for a job that failed for good is sent. */
  queues: QueueClient;
  concurrency?: number;
  /** How long a job may run before another worker may take it over (LLM jobs: minutes). */
  lockDuration?: number;
  stalledInterval?: number;
  maxStalledCount?: number;
}

/** A job failure that retrying cannot fix: fail now, record it, do not retry. */
export class PermanentJobError extends UnrecoverableError {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

/**
 * The one worker factory. It validates the payload again (an invalid one fails at once and is
 * recorded), hands the handler a tenant-scoped client, logs with requestId/tenantId/jobId, and
 * on the final failed attempt writes a FailedJob row and alerts the operators.
 */
export function createWorker<Q extends QueueName>(
  queueName: Q,
  handler: (ctx: JobContext<Q>) => Promise<unknown>,
  opts: WorkerOptions,
): Worker {
  const def = QUEUES[queueName];
  const abort = new AbortController();

  const worker = new Worker(
    queueName,
    async (job) => {
      const attempt = job.attemptsMade + 1;
      const attempts = job.opts.attempts ?? 1;
      const raw = job.data as Record<string, unknown>;
      const requestId = typeof raw?.requestId === "string" ? raw.requestId : undefined;
      const log = opts.logger.child({
        queue: queueName,
        jobId: job.id,
        attempt,
        requestId,
        tenantId: typeof raw?.tenantId === "string" ? raw.tenantId : undefined,
      });
      const parsed = def.schema.safeParse(job.data);
      if (!parsed.success) {
        const reason = `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"} ${i.message}`).join("; ")}`;
        log.error({ reason }, "job refused");
        await recordFailure(opts, queueName, job, reason, attempt);
        throw new UnrecoverableError(reason);
      }
      const payload = parsed.data as PayloadOf<Q>;
      const tenantId = (payload as { tenantId?: string | null }).tenantId ?? null;
      const started = performance.now();
      log.info("job started");
      try {
        // With tracing on, the job's span and every span the handler starts carry the request id.
        const result = await withRequestId(requestId, () =>
          handler({
            payload,
            job,
            log,
            // The payload passed its queue's schema: a queue that requires a tenant always has one here.
            tdb: (tenantId ? forTenant(opts.db, tenantId) : null) as TenantClientOf<PayloadOf<Q>>,
            db: opts.db,
            signal: abort.signal,
            attempt,
            final: attempt >= attempts,
          }),
        );
        log.info({ durationMs: Math.round(performance.now() - started) }, "job completed");
        return result;
      } catch (err) {
        const permanent = err instanceof UnrecoverableError;
        const final = permanent || attempt >= attempts;
        log.warn(
          { err, final, durationMs: Math.round(performance.now() - started) },
          final ? "job failed for good" : "job failed; will retry",
        );
        if (final) await recordFailure(opts, queueName, job, (err as Error).message ?? String(err), attempt);
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 1,
      lockDuration: opts.lockDuration ?? 60_000,
      stalledInterval: opts.stalledInterval ?? 30_000,
      maxStalledCount: opts.maxStalledCount ?? 2,
      autorun: true,
      // bullmq-otel when tracing is on: the job span continues the trace of whoever enqueued it.
      telemetry: queueTelemetry(),
    },
  );
  worker.on("error", (err) => opts.logger.error({ err, queue: queueName }, "worker error"));
  (worker as Worker & { abortController?: AbortController }).abortController = abort;
  return worker;
}

async function recordFailure(
  opts: WorkerOptions,
  queue: QueueName,
  job: Job,
  reason: string,
  attempts: number,
): Promise<void> {
  const tenantId =
    typeof (job.data as { tenantId?: unknown })?.tenantId === "string"
      ? (job.data as { tenantId: string }).tenantId
      : null;
  const validTenant = tenantId && /^[0-9a-f-]{36}$/i.test(tenantId) ? tenantId : null;
  try {
    await opts.db.failedJob.upsert({
      where: { queue_jobId: { queue, jobId: String(job.id) } },
      create: {
        queue,
        jobId: String(job.id),
        tenantId: validTenant,
        payload: (job.data ?? {}) as Prisma.InputJsonValue,
        reason: reason.slice(0, 4_000),
        attempts,
      },
      update: { reason: reason.slice(0, 4_000), attempts },
    });
    await opts.queues.enqueueNotification({
      tenantId: validTenant,
      recipient: { group: "operators" },
      event: "job_failed",
      data: { queue, jobId: String(job.id), reason: reason.slice(0, 500), attempts },
      dedupeKey: `job-failed-${queue}-${job.id}`,
    });
  } catch (err) {
    // Never mask the job's own error; the job itself stays in BullMQ's failed set (kept 7 days).
    opts.logger.error({ err, queue, jobId: job.id }, "could not record the failed job");
  }
}

/**
 * Closes every worker in parallel: running jobs get `graceMs` to finish; then they are aborted
 * and left unfinished, so BullMQ hands them to the next worker (nothing is lost, nothing done twice).
 */
export async function closeWorkers(workers: Worker[], graceMs = 20_000): Promise<void> {
  const closing = Promise.all(workers.map((w) => w.close()));
  const timedOut = await Promise.race([
    closing.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
  ]);
  if (timedOut) {
    for (const w of workers) (w as Worker & { abortController?: AbortController }).abortController?.abort();
    await Promise.all(workers.map((w) => w.close(true)));
  }
}
